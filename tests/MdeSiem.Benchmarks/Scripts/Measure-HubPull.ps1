# Times Get-DefenderStreamEvent reading the simulated event hub (its connection string in MDESIEM_BENCH_SECRET) into
# Out-Null, twice in this process; 'seconds' is the faster run, 'firstSeconds' the first (a scheduled run pays it).
# Process start and Import-Module are outside every stopwatch. Nothing counts in the timed pipeline (Measure-Object
# binds every record to its parameters, a cost of PowerShell's and not of the read): a last run, untimed, counts
# with Measure-Object and reports the records it delivered, so the harness can say every record came through.
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
    Get-DefenderStreamEvent -EventHubConnectionString $env:MDESIEM_BENCH_SECRET | Out-Null
    $stopwatch.Stop()
    $process.Refresh()
    if ($run -eq 1) { $peakAfter = $process.PeakWorkingSet64 }
    $times += $stopwatch.Elapsed.TotalSeconds
    $cpuTimes += ($process.TotalProcessorTime - $cpu).TotalSeconds
}
$records = (Get-DefenderStreamEvent -EventHubConnectionString $env:MDESIEM_BENCH_SECRET | Measure-Object).Count
$best = [array]::IndexOf($times, ($times | Measure-Object -Minimum).Minimum)
[pscustomobject]@{
    seconds = $times[$best]; firstSeconds = $times[0]; cpuSeconds = $cpuTimes[$best]; records = $records
    peakBefore = $peakBefore; peakAfter = $peakAfter
} | ConvertTo-Json -Compress
