<#
.SYNOPSIS
    The demo's user-side script (run by build.ps1 -Task Demo in a fresh pwsh against a running simulator): connects,
    pulls, writes CSV and JSON into the output folder and prints a short summary.
.DESCRIPTION
    Steps that need cmdlets this build may not have (Get-DefenderAlert, ConvertTo-GraphAlert) run only when the
    module exports them, so the demo works at every stage of the module. The client secret comes from the
    MDESIEM_DEMO_SECRET environment variable, never from the command line.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $TenantId,
    [Parameter(Mandatory)] [string] $ClientId,
    [Parameter(Mandatory)] [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$activity = 'MdeSiem demo'

function Test-Cmdlet([string] $Name) { [bool] (Get-Command -Module MdeSiem -Name $Name -ErrorAction SilentlyContinue) }

Write-Progress -Activity $activity -Status 'Importing the module and connecting' -PercentComplete 5
Import-Module $ModuleManifest
$secret = ConvertTo-SecureString $env:MDESIEM_DEMO_SECRET -AsPlainText -Force
$connection = Connect-MdeSiem -TenantId $TenantId -ClientId $ClientId -ClientSecret $secret -EndpointUri $BaseUri -SkipCertificateCheck -PassThru
New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
$written = [System.Collections.Generic.List[string]]::new()

Write-Progress -Activity $activity -Status 'Pulling SIEM detections of the last six hours' -PercentComplete 20
$alerts = @(Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddHours(-6)) -WarningAction SilentlyContinue)

Write-Progress -Activity $activity -Status "Writing $($alerts.Count) detections as CSV and JSON" -PercentComplete 50
$csv = Join-Path $OutputDirectory 'siem-alerts.csv'
$alerts | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
$json = Join-Path $OutputDirectory 'siem-alerts.json'
ConvertTo-Json -InputObject $alerts -Depth 3 | Set-Content -Path $json -Encoding utf8
$written.AddRange([string[]] @($csv, $json))

if (Test-Cmdlet 'ConvertTo-GraphAlert') {
    Write-Progress -Activity $activity -Status 'Converting the detections to the Graph alert shape' -PercentComplete 65
    try {
        $graphShaped = Join-Path $OutputDirectory 'siem-as-graph-alerts.json'
        ConvertTo-Json -InputObject @($alerts | ConvertTo-GraphAlert) -Depth 6 | Set-Content -Path $graphShaped -Encoding utf8
        $written.Add($graphShaped)
    }
    catch { Write-Warning "ConvertTo-GraphAlert step skipped: $($_.Exception.Message)" }
}

$graphAlerts = @()
if (Test-Cmdlet 'Get-DefenderAlert') {
    Write-Progress -Activity $activity -Status 'Pulling Microsoft Graph security alerts' -PercentComplete 80
    try {
        $graphAlerts = @(Get-DefenderAlert)
        $graphCsv = Join-Path $OutputDirectory 'graph-alerts.csv'
        $graphAlerts | Export-Csv -Path $graphCsv -NoTypeInformation -Encoding utf8
        $graphJson = Join-Path $OutputDirectory 'graph-alerts.json'
        ConvertTo-Json -InputObject $graphAlerts -Depth 6 | Set-Content -Path $graphJson -Encoding utf8
        $written.AddRange([string[]] @($graphCsv, $graphJson))
    }
    catch { Write-Warning "Get-DefenderAlert step skipped: $($_.Exception.Message)" }
}
Write-Progress -Activity $activity -Completed

'Connected:'
$connection | Format-Table | Out-String -Width 200
'The 10 most recent detections of the last six hours:'
# Newest first by the time the table shows (AlertTime); the parts of one alert share it, so their processing time breaks the tie.
$alerts | Sort-Object AlertTime, LastProcessedTimeUtc -Descending | Select-Object -First 10 | Format-Table | Out-String -Width 200
'Summary:'
[pscustomobject]@{
    SiemDetections = $alerts.Count
    DefenderAlerts = $alerts | Select-Object -ExpandProperty AlertId -Unique | Measure-Object | ForEach-Object Count
    Devices        = $alerts | Select-Object -ExpandProperty ComputerDnsName -Unique | Measure-Object | ForEach-Object Count
    GraphAlerts    = if (Test-Cmdlet 'Get-DefenderAlert') { $graphAlerts.Count } else { 'n/a (Get-DefenderAlert not in this build)' }
} | Format-List | Out-String
'Per severity:'
$alerts | Group-Object Severity -NoElement | Sort-Object Count -Descending | Format-Table Name, Count -AutoSize | Out-String
'Files written:'
Get-Item $written | Format-Table Name, Length, @{ Name = 'Folder'; Expression = { $_.DirectoryName } } -AutoSize | Out-String -Width 200
