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

. (Join-Path $PSScriptRoot 'Measure-Runs.ps1')
$measured = Measure-Runs -Runs $Runs -BeforeRun {
    # The previous run's objects go first, so that a run's peak is its own and not two runs' worth.
    $script:alerts = $null
    $script:response = $null
    [GC]::Collect()
    # Export-Csv replaces the last run's file: removed here, outside the stopwatch, as for the module's contenders.
    if ($CsvPath) { Remove-Item -Path $CsvPath -ErrorAction SilentlyContinue }
} -Pull {
    if ($Method -eq 'WebRequest') {
        $script:response = Invoke-WebRequest -Method Get -Uri $url -Headers $headers -SkipCertificateCheck
        $script:alerts = $script:response.Content | ConvertFrom-Json
    }
    else {
        $script:alerts = Invoke-RestMethod -Method Get -Uri $url -Headers $headers -SkipCertificateCheck
    }
    if ($Sink -eq 'Null') { $script:alerts | Out-Null } else { $script:alerts | Export-Csv -Path $CsvPath -NoTypeInformation }
}
$measured | Add-Member -NotePropertyName records -NotePropertyValue @($alerts).Count -PassThru | ConvertTo-Json -Compress
