// The SIEM API (https://wdatp-alertexporter-eu.windows.com/api/alerts) and the Defender API
// (https://api.securitycenter.microsoft.com/api/alerts) are gone from this project.
/*
 * graphClient.Security.Alerts.GetAsync() was replaced by graphClient.Security.Alerts_v2.GetAsync().
 * Get-MgSecurityAlert, Get-MdeSiemAlert.
 */
public static class Notes
{
    public const string Replacement = "https://graph.microsoft.com/v1.0/security/alerts_v2"; // was /v1.0/security/alerts
}
