# Times Get-DefenderStreamEvent reading the simulated event hub (its connection string in MDESIEM_BENCH_SECRET) into
# Out-Null, -Runs times in this process; 'seconds' is the fastest run, 'firstSeconds' the first (a scheduled run pays it).
# Process start and Import-Module are outside every stopwatch. Nothing counts in the timed pipeline (Measure-Object
# binds every record to its parameters, a cost of PowerShell's and not of the read): a last run, untimed, counts
# with Measure-Object and reports the records it delivered, so the harness can say every record came through.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [ValidateRange(1, 10)] [int] $Runs = 2
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
. (Join-Path $PSScriptRoot 'Measure-Runs.ps1')
$measured = Measure-Runs -Runs $Runs -Pull { Get-DefenderStreamEvent -EventHubConnectionString $env:MDESIEM_BENCH_SECRET | Out-Null }
$records = (Get-DefenderStreamEvent -EventHubConnectionString $env:MDESIEM_BENCH_SECRET | Measure-Object).Count
$measured | Add-Member -NotePropertyName records -NotePropertyValue $records -PassThru | ConvertTo-Json -Compress
