# Dot-sourced by the pull scripts: the timing every pwsh contender shares once it is warm. -Runs full pulls, each
# timed from its start to the last record reaching the sink, with the process's CPU time beside it; 'seconds' is the
# fastest run, 'firstSeconds' the first (it also pays for optimising the JIT's code of the hot loop), 'peakAfter' the
# working set's peak after the first run (a later run may find memory the runtime has not yet handed back).
function Measure-Runs {
    param(
        [Parameter(Mandatory)] [int] $Runs,
        # One full pull into its sink.
        [Parameter(Mandatory)] [scriptblock] $Pull,
        # Runs before each pull, outside the stopwatch.
        [scriptblock] $BeforeRun
    )
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $process.Refresh()
    $peakBefore = $process.PeakWorkingSet64
    $times = @()
    $cpuTimes = @()
    foreach ($run in 1..$Runs) {
        if ($BeforeRun) { & $BeforeRun }
        $process.Refresh()
        $cpu = $process.TotalProcessorTime
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Pull
        $stopwatch.Stop()
        $process.Refresh()
        if ($run -eq 1) { $peakAfter = $process.PeakWorkingSet64 }
        $times += $stopwatch.Elapsed.TotalSeconds
        $cpuTimes += ($process.TotalProcessorTime - $cpu).TotalSeconds
    }

    $best = [array]::IndexOf($times, ($times | Measure-Object -Minimum).Minimum)
    [pscustomobject]@{
        seconds = $times[$best]; firstSeconds = $times[0]; cpuSeconds = $cpuTimes[$best]
        peakBefore = $peakBefore; peakAfter = $peakAfter
    }
}
