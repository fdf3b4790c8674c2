# Times Get-DefenderStreamEvent reading the simulated event hub (its connection string in MDESIEM_BENCH_SECRET) into
# Measure-Object, twice in this process; 'seconds' is the faster run, 'firstSeconds' the first (a scheduled run pays it).
# Process start and Import-Module are outside every stopwatch. Reports the records delivered in the last run.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [ValidateRange(1, 10)] [int] $Runs = 2
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$peakBefore = $process.PeakWorkingSet64
$times = @()
$cpuTimes = @()
foreach ($run in 1..$Runs) {
    $process.Refresh()
    $cpu = $process.TotalProcessorTime
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $records = (Get-DefenderStreamEvent -EventHubConnectionString $env:MDESIEM_BENCH_SECRET | Measure-Object).Count
    $stopwatch.Stop()
    $process.Refresh()
    if ($run -eq 1) { $peakAfter = $process.PeakWorkingSet64 }
    $times += $stopwatch.Elapsed.TotalSeconds
    $cpuTimes += ($process.TotalProcessorTime - $cpu).TotalSeconds
}
$best = [array]::IndexOf($times, ($times | Measure-Object -Minimum).Minimum)
[pscustomobject]@{
    seconds = $times[$best]; firstSeconds = $times[0]; cpuSeconds = $cpuTimes[$best]; records = $records
    peakBefore = $peakBefore; peakAfter = $peakAfter
} | ConvertTo-Json -Compress
