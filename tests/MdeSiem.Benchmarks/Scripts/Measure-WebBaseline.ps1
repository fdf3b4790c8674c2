# What scripts do today, as the SIEM API documentation shows it: a token from the v1 endpoint, then
# Invoke-WebRequest + ConvertFrom-Json or Invoke-RestMethod. Same protocol and JSON line as Measure-ModulePull.ps1:
# a one-record warm-up request, then the full pull -Runs times; the fastest run and the first are reported.
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $TenantId,
    [Parameter(Mandatory)] [string] $ClientId,
    [ValidateSet('WebRequest', 'RestMethod')] [string] $Method = 'RestMethod',
    [ValidateSet('Null', 'Csv')] [string] $Sink = 'Null',
    [string] $CsvPath,
    [ValidateRange(1, 10)] [int] $Runs = 2
)
$ErrorActionPreference = 'Stop'
$authBody = @{ resource = 'https://graph.windows.net'; client_id = $ClientId; client_secret = $env:MDESIEM_BENCH_SECRET; grant_type = 'client_credentials' }
$token = (Invoke-RestMethod -Method Post -Uri "$($BaseUri.TrimEnd('/'))/$TenantId/oauth2/token" -Body $authBody -SkipCertificateCheck).access_token
$headers = @{ 'Content-Type' = 'application/json'; Accept = 'application/json'; Authorization = "Bearer $token" }
$since = [DateTime]::UtcNow.AddHours(-25).ToString('o')
$url = "$($BaseUri.TrimEnd('/'))/api/alerts?sinceTimeUtc=$since"
Invoke-RestMethod -Uri "$($BaseUri.TrimEnd('/'))/api/alerts?limit=1" -Headers $headers -SkipCertificateCheck | Out-Null   # warm up

$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$peakBefore = $process.PeakWorkingSet64
$times = @()
$cpuTimes = @()
$count = 0
foreach ($run in 1..$Runs) {
    # The previous run's objects go first, so that a run's peak is its own and not two runs' worth.
    $alerts = $null
    $response = $null
    [GC]::Collect()
    $process.Refresh()
    $cpu = $process.TotalProcessorTime
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    if ($Method -eq 'WebRequest') {
        $response = Invoke-WebRequest -Method Get -Uri $url -Headers $headers -SkipCertificateCheck
        $alerts = $response.Content | ConvertFrom-Json
    }
    else {
        $alerts = Invoke-RestMethod -Method Get -Uri $url -Headers $headers -SkipCertificateCheck
    }
    if ($Sink -eq 'Null') { $alerts | Out-Null } else { $alerts | Export-Csv -Path $CsvPath -NoTypeInformation }
    $stopwatch.Stop()
    $process.Refresh()
    # The peak of one run: a later run may find memory the runtime has not yet handed back to the OS.
    if ($run -eq 1) { $peakAfter = $process.PeakWorkingSet64 }
    $times += $stopwatch.Elapsed.TotalSeconds
    $cpuTimes += ($process.TotalProcessorTime - $cpu).TotalSeconds
    $count = @($alerts).Count
}
$best = [array]::IndexOf($times, ($times | Measure-Object -Minimum).Minimum)
[pscustomobject]@{
    seconds = $times[$best]; firstSeconds = $times[0]; cpuSeconds = $cpuTimes[$best]; records = $count
    peakBefore = $peakBefore; peakAfter = $peakAfter
} | ConvertTo-Json -Compress
