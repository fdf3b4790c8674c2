# Times Get-MdeSiemAlert in this pwsh process into a sink, and reports records and peak memory as one JSON line.
# Same protocol as every contender: a one-record warm-up request (JIT, TLS, token), then the full pull -Runs times
# on that connection; 'seconds' is the fastest run, 'firstSeconds' the first (it also pays for optimising the JIT's
# code of the hot loop). Process start, Import-Module and Connect-MdeSiem are outside every stopwatch.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $TenantId,
    [Parameter(Mandatory)] [string] $ClientId,
    [ValidateSet('Null', 'Csv', 'OutFile', 'OutFileCheckpoint', 'Json')] [string] $Sink = 'Null',
    [string] $CsvPath,
    [ValidateRange(1, 10)] [int] $Runs = 2
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$secret = ConvertTo-SecureString $env:MDESIEM_BENCH_SECRET -AsPlainText -Force
Connect-MdeSiem -TenantId $TenantId -ClientId $ClientId -ClientSecret $secret -EndpointUri $BaseUri -SkipCertificateCheck
$since = [DateTime]::UtcNow.AddHours(-25)
Get-MdeSiemAlert -Limit 1 -WarningAction SilentlyContinue | Out-Null   # warm up: JIT, TLS, token

. (Join-Path $PSScriptRoot 'Measure-Runs.ps1')
# No counting in the pipeline (a script block per record would be measured instead of the pull): the harness knows
# how many records the simulator serves, and the test suites prove the module returns all of them.
$measured = Measure-Runs -Runs $Runs -BeforeRun {
    # Each run writes a new file: appending to the last run's would measure a growing file. Removing the last run's
    # file (2 GB at 1,000,000 records) is the harness's cleanup, not the pull's work: outside the stopwatch.
    if ($CsvPath) { Remove-Item -Path $CsvPath -ErrorAction SilentlyContinue }
    # A checkpointed run starts from a new checkpoint each time (its lock, journal and temporary files too), so
    # every run pulls the whole window.
    if ($CsvPath) { Remove-Item -Path "$CsvPath.checkpoint*" -ErrorAction SilentlyContinue }
} -Pull {
    switch ($Sink) {
        'Null' { Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | Out-Null }
        'Csv' { Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | Export-Csv -Path $CsvPath -NoTypeInformation }
        'OutFile' { Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue -OutFile $CsvPath }
        'OutFileCheckpoint' { Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue -OutFile $CsvPath -Checkpoint "$CsvPath.checkpoint.json" }
        'Json' { Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | ConvertTo-Json -Compress | Add-Content -Path $CsvPath }
    }
}
$measured | Add-Member -NotePropertyName records -NotePropertyValue (-1) -PassThru | ConvertTo-Json -Compress
