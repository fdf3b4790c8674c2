namespace MdeSiem.Core.Graph;

/// <summary>The Microsoft Graph application permissions the security API requires, named in 403 errors.</summary>
public static class GraphPermission
{
    public const string AlertRead = "SecurityAlert.Read.All";

    public const string AlertReadWrite = "SecurityAlert.ReadWrite.All";

    public const string IncidentRead = "SecurityIncident.Read.All";

    public const string IncidentReadWrite = "SecurityIncident.ReadWrite.All";
}
