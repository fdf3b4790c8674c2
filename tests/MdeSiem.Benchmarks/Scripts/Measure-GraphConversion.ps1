# Times ConvertTo-GraphAlert in this pwsh process, three ways, and reports them as one JSON line:
#   pullSeconds      Get-MdeSiemAlert | Out-Null                       (the pull alone, for reference; best of two)
#   streamedSeconds  Get-MdeSiemAlert | ConvertTo-GraphAlert | Out-Null (what a migration script runs)
#   convertSeconds   $records | ConvertTo-GraphAlert | Out-Null         (records pulled beforehand into an array:
#                                                                       the conversion alone, the target's rate)
# The pre-pulled array is filled before its stopwatch starts; its memory is not part of the conversion's growth.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $TenantId,
    [Parameter(Mandatory)] [string] $ClientId
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$secret = ConvertTo-SecureString $env:MDESIEM_BENCH_SECRET -AsPlainText -Force
Connect-MdeSiem -TenantId $TenantId -ClientId $ClientId -ClientSecret $secret -EndpointUri $BaseUri -SkipCertificateCheck
$since = [DateTime]::UtcNow.AddHours(-25)
# Warm up, as every workload does: JIT, TLS, token, and the converter's code paths (a few thousand records, so
# that the measured runs are not the ones that wait for the JIT's optimised code).
Get-MdeSiemAlert -Limit 5000 -WarningAction SilentlyContinue | ConvertTo-GraphAlert | Out-Null

$process = [Diagnostics.Process]::GetCurrentProcess()
function Get-Peak { $process.Refresh(); $process.PeakWorkingSet64 }
function Get-Cpu { $process.Refresh(); $process.TotalProcessorTime.TotalSeconds }

$peakBefore = Get-Peak
$cpu = Get-Cpu
$stopwatch = [Diagnostics.Stopwatch]::StartNew()
Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | Out-Null
$pullSeconds = $stopwatch.Elapsed.TotalSeconds
$pullCpu = (Get-Cpu) - $cpu
$peakPull = Get-Peak

$cpu = Get-Cpu
$stopwatch.Restart()
Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | ConvertTo-GraphAlert | Out-Null
$streamedSeconds = $stopwatch.Elapsed.TotalSeconds
$streamedCpu = (Get-Cpu) - $cpu
$peakStreamed = Get-Peak

# The pull alone once more, keeping the faster, as the pull workloads do: the first full pull in a process also
# pays for optimising the JIT's code of its hot loop.
$cpu = Get-Cpu
$stopwatch.Restart()
Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | Out-Null
if ($stopwatch.Elapsed.TotalSeconds -lt $pullSeconds) {
    $pullSeconds = $stopwatch.Elapsed.TotalSeconds
    $pullCpu = (Get-Cpu) - $cpu
}

$records = Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue
$peakAfterArray = Get-Peak
$cpu = Get-Cpu
$stopwatch.Restart()
$records | ConvertTo-GraphAlert | Out-Null
$convertSeconds = $stopwatch.Elapsed.TotalSeconds
$convertCpu = (Get-Cpu) - $cpu
$peakPrePulled = Get-Peak

# Counted outside every stopwatch: how many alerts the records merge into.
$alerts = 0
$records | ConvertTo-GraphAlert | ForEach-Object { $alerts++ }

[pscustomobject]@{
    seconds = $convertSeconds; records = $records.Count; alerts = $alerts
    pullSeconds = $pullSeconds; streamedSeconds = $streamedSeconds
    cpuSeconds = $convertCpu; pullCpuSeconds = $pullCpu; streamedCpuSeconds = $streamedCpu
    peakBefore = $peakBefore; peakPull = $peakPull; peakStreamed = $peakStreamed
    peakAfterArray = $peakAfterArray; peakPrePulled = $peakPrePulled
} | ConvertTo-Json -Compress
