<#
    Migration notes. We used to run Get-MdeSiemAlert against https://wdatp-alertexporter-eu.windows.com/api/alerts,
    then Get-MdeAlert and Get-MdeIncident on https://api.securitycenter.microsoft.com/api/alerts, and some jobs
    called Get-MgSecurityAlert (https://graph.microsoft.com/v1.0/security/alerts).
#>

# Get-MdeSiemAlert -SinceTimeUtc (Get-Date).AddDays(-1)   <- removed
# Invoke-RestMethod https://api.security.microsoft.com/api/incidents

$retired = 'Get-MdeSiemAlert', 'Get-MdeAlert', 'Get-MdeIncident', 'Get-MgSecurityAlert'
Write-Host "These scripts no longer call $($retired -join ', ')."
Write-Verbose 'The SIEM API lived at wdatp-alertexporter-eu.windows.com; Graph alerts_v2 replaces it.'
Write-Warning "Do not call https://api.securitycenter.microsoft.com/api/alerts any more."
if ($retired.Count -ne 4) {
    throw "Expected four retired names, for example https://graph.microsoft.com/v1.0/security/alerts"
}

Get-DefenderAlert -CreatedAfter (Get-Date).AddDays(-1) -All |
    Where-Object Title -NotLike '*Get-MdeSiemAlert*' |
    Export-Csv alerts.csv -NoTypeInformation
