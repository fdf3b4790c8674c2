# Times Get-MdeSiemAlert in this pwsh process into a sink, and reports records and peak memory as one JSON line.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $TenantId,
    [Parameter(Mandatory)] [string] $ClientId,
    [ValidateSet('Null', 'Csv')] [string] $Sink = 'Null',
    [string] $CsvPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$secret = ConvertTo-SecureString $env:MDESIEM_BENCH_SECRET -AsPlainText -Force
Connect-MdeSiem -TenantId $TenantId -ClientId $ClientId -ClientSecret $secret -EndpointUri $BaseUri -SkipCertificateCheck
$since = [DateTime]::UtcNow.AddHours(-25)
Get-MdeSiemAlert -Limit 1 -WarningAction SilentlyContinue | Out-Null   # warm up: JIT, TLS, token

$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$peakBefore = $process.PeakWorkingSet64
# No counting in the pipeline (a script block per record would be measured instead of the pull): the harness
# knows how many records the simulator serves, and the test suites prove the module returns all of them.
$stopwatch = [Diagnostics.Stopwatch]::StartNew()
if ($Sink -eq 'Null') {
    Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | Out-Null
}
else {
    Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | Export-Csv -Path $CsvPath -NoTypeInformation
}
$stopwatch.Stop()
$process.Refresh()
[pscustomobject]@{ seconds = $stopwatch.Elapsed.TotalSeconds; records = -1; peakBefore = $peakBefore; peakAfter = $process.PeakWorkingSet64 } |
    ConvertTo-Json -Compress
