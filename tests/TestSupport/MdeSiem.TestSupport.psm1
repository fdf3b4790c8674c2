# Helpers shared by the Pester suite and the demo: start and stop the simulated tenant as a separate program,
# exactly as a user would run it.

Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

function Find-SimulatorAssembly {
    param([string] $Configuration = 'Release')
    $preferred = Join-Path $script:RepoRoot "src/MdeSiem.Simulator/bin/$Configuration/net10.0/MdeSiem.Simulator.dll"
    if (Test-Path $preferred) {
        return $preferred
    }
    $any = Get-ChildItem -Path (Join-Path $script:RepoRoot 'src/MdeSiem.Simulator/bin') -Filter MdeSiem.Simulator.dll -Recurse -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $any) {
        throw 'The simulator is not built: run ./build.ps1 -Task Build first.'
    }
    return $any.FullName
}

<#
.SYNOPSIS
    Starts the simulated tenant on a free loopback port and returns its connection facts and process.
#>
function Start-MdeSiemSimulator {
    [CmdletBinding()]
    param(
        [int] $AlertCount = 200,
        [int] $Seed = 1,
        [string] $AlertsFile,
        [int] $TokenLifetimeSeconds = 0,
        # Certificate files (public part) whose client assertions the app accepts.
        [string[]] $CertificatePath = @(),
        # A storage connection string (Azurite's): the simulator writes its records there as the Streaming API export.
        [string] $StreamExportConnectionString,
        [string] $Configuration = 'Release',
        # Graph alerts differ from the SIEM records as on real tenants (updated since, no device group).
        [switch] $GraphDivergences,
        # Maps the simulator's test-only /_test endpoints (faults, late alerts, Graph ground truth, request log).
        [switch] $TestControl,
        # Make Graph answer 429 past 150 requests in any window of this many milliseconds.
        [int] $GraphRateLimitWindowMs = 0,
        # The simulator's clock starts here (records end here) instead of at the real time: for tests that group or
        # filter by time, so they do not depend on the hour they run at.
        [Nullable[DateTimeOffset]] $Now,
        # Cut runHuntingQuery results to this many rows (0: the simulator's default, the documented 100,000).
        [int] $HuntingRowLimit = 0,
        # Also serve a simulated event hub; its connection string and published records are written to this file.
        [string] $EventHubFactsFile
    )

    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.AddRange([string[]] @((Find-SimulatorAssembly -Configuration $Configuration), '--port', '0', '--alerts', "$AlertCount", '--seed', "$Seed", '--json', '--exit-on-stdin-close'))
    if ($AlertsFile) { $arguments.AddRange([string[]] @('--write-alerts', $AlertsFile)) }
    foreach ($path in $CertificatePath) { $arguments.AddRange([string[]] @('--certificate', $path)) }
    if ($StreamExportConnectionString) { $arguments.AddRange([string[]] @('--stream-export', $StreamExportConnectionString)) }
    if ($TestControl) { $arguments.Add('--test-control') }
    if ($EventHubFactsFile) { $arguments.AddRange([string[]] @('--event-hub', $EventHubFactsFile)) }
    if ($GraphDivergences) { $arguments.Add('--graph-divergences') }
    if ($GraphRateLimitWindowMs -gt 0) { $arguments.AddRange([string[]] @('--graph-rate-limit-window-ms', "$GraphRateLimitWindowMs")) }
    if ($null -ne $Now) { $arguments.AddRange([string[]] @('--now', $Now.UtcDateTime.ToString('o', [Globalization.CultureInfo]::InvariantCulture))) }
    if ($HuntingRowLimit -gt 0) { $arguments.AddRange([string[]] @('--hunting-row-limit', "$HuntingRowLimit")) }
    if ($TokenLifetimeSeconds -gt 0) { $arguments.AddRange([string[]] @('--token-lifetime-seconds', "$TokenLifetimeSeconds")) }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $lineTask = $process.StandardOutput.ReadLineAsync()
    if (-not $lineTask.Wait([TimeSpan]::FromSeconds(60)) -or -not $lineTask.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The simulator did not report its address within 60 s (exit code: $(if ($process.HasExited) { $process.ExitCode }))."
    }
    $facts = $lineTask.Result | ConvertFrom-Json
    $facts | Add-Member -NotePropertyName Process -NotePropertyValue $process
    return $facts
}

function Stop-MdeSiemSimulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    $process = $Simulator.Process
    if ($process -and -not $process.HasExited) {
        # Closing standard input asks it to stop; kill it if it does not.
        $process.StandardInput.Close()
        if (-not $process.WaitForExit(10000)) { $process.Kill() }
    }
}

Export-ModuleMember -Function Start-MdeSiemSimulator, Stop-MdeSiemSimulator, Find-SimulatorAssembly

function Invoke-MdeSiemSimulatorControl {
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Path, $Body)
    $uri = $Simulator.baseUri.TrimEnd('/') + '/_test/' + $Path
    if ($null -eq $Body) {
        return Invoke-RestMethod -Uri $uri -SkipCertificateCheck
    }
    Invoke-RestMethod -Uri $uri -Method Post -SkipCertificateCheck -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Compress)
}

<#
.SYNOPSIS
    Makes the next -Count requests to -Target (that contain -RequestContains) fail or come back shaped by a fault
    (a simulator started with -TestControl).
#>
function Add-MdeSiemSimulatorFault {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [ValidateSet('GraphApi', 'SiemApi', 'TokenEndpoint', 'DefenderApi')] [string] $Target = 'GraphApi',
        [int] $StatusCode,
        [int] $RetryAfterSeconds,
        # Sent as the Retry-After header exactly as given, e.g. '2.128' as Graph's throttling page shows, or an HTTP date.
        [string] $RetryAfter,
        # The endpoint applies the request first (a comment is added), then the fault's status replaces its answer.
        [switch] $AfterHandling,
        [string] $RequestContains,
        # Matching requests let through before the fault answers one (to hit the middle of a pull).
        [int] $AfterMatchingRequests,
        [string] $PartialProvider,
        [switch] $TruncatedJson,
        # Records sent before the body ends early (SIEM API), or a body that is not JSON.
        [int] $TruncateAfterRecords,
        [switch] $MalformedBody,
        # Body bytes sent before the connection is reset, or before the body stalls for -StallForMilliseconds.
        [int] $ResetAfterBytes,
        [int] $StallAfterBytes,
        [int] $StallForMilliseconds,
        [int] $Count = 1
    )
    $body = [ordered]@{ target = $Target; count = $Count; truncatedJson = $TruncatedJson.IsPresent }
    if ($StatusCode) { $body.statusCode = $StatusCode }
    if ($RetryAfterSeconds) { $body.retryAfterSeconds = $RetryAfterSeconds }
    if ($RetryAfter) { $body.retryAfter = $RetryAfter }
    if ($AfterHandling) { $body.afterHandling = $true }
    if ($RequestContains) { $body.requestContains = $RequestContains }
    if ($PartialProvider) { $body.partialProvider = $PartialProvider }
    if ($AfterMatchingRequests) { $body.afterMatchingRequests = $AfterMatchingRequests }
    if ($TruncateAfterRecords) { $body.truncateAfterRecords = $TruncateAfterRecords }
    if ($MalformedBody) { $body.malformedBody = $true }
    if ($ResetAfterBytes) { $body.resetAfterBytes = $ResetAfterBytes }
    if ($StallAfterBytes) { $body.stallAfterBytes = $StallAfterBytes; $body.stallForMilliseconds = $StallForMilliseconds }
    $null = Invoke-MdeSiemSimulatorControl $Simulator 'faults' $body
}

<# .SYNOPSIS Adds alerts that become visible now with times in the last -SpreadSeconds (0: all one timestamp). #>
function Add-MdeSiemSimulatorLateAlert {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator, [int] $Count = 20, [double] $SpreadSeconds = 0)
    $null = Invoke-MdeSiemSimulatorControl $Simulator 'late-alerts' @{ count = $Count; spreadSeconds = $SpreadSeconds }
}

<#
.SYNOPSIS
    The simulator's ground truth for Graph: every alert (or incident) visible now as id|lastUpdateTicks, the key of
    one version of it.
#>
function Get-MdeSiemSimulatorGraphTruth {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator, [ValidateSet('Alerts', 'Incidents')] [string] $Kind = 'Alerts')
    $path = if ($Kind -eq 'Alerts') { 'graph-alerts' } else { 'graph-incidents' }
    # Invoke-RestMethod writes a JSON array as one object: enumerate it here.
    $records = Invoke-MdeSiemSimulatorControl $Simulator $path
    , [string[]] @(foreach ($record in $records) { '{0}|{1}' -f $record.id, $record.lastUpdateTicks })
}

<# .SYNOPSIS The simulator's request log: method, path, query, status, time (a simulator started with -TestControl). #>
function Get-MdeSiemSimulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    Invoke-MdeSiemSimulatorControl $Simulator 'requests'
}

<# .SYNOPSIS Forgets the faults no request has used yet. #>
function Clear-MdeSiemSimulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    $null = Invoke-MdeSiemSimulatorControl $Simulator 'faults/clear' @{}
}

Export-ModuleMember -Function Add-MdeSiemSimulatorFault, Add-MdeSiemSimulatorLateAlert, Get-MdeSiemSimulatorGraphTruth, Clear-MdeSiemSimulatorFault, Get-MdeSiemSimulatorRequest

<#
.SYNOPSIS
    Starts Azurite's blob service (installed by build.ps1 -Task Test into out/tools/azurite) on a free loopback port,
    in memory. Returns its endpoint, the development account's connection string and the process.
#>
function Start-MdeSiemAzurite {
    [CmdletBinding()]
    param()
    $main = Join-Path $script:RepoRoot 'out/tools/azurite/node_modules/azurite/dist/src/blob/main.js'
    if (-not (Test-Path $main)) {
        throw "Azurite is not installed at $main`: run ./build.ps1 -Task Test once (it installs it from npm)."
    }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('node')
    foreach ($argument in @($main, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--extentMemoryLimit', '256',
            '--skipApiVersionCheck', '--loose', '--disableTelemetry')) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $lineTask = $process.StandardOutput.ReadLineAsync()
        if (-not $lineTask.Wait([TimeSpan]::FromSeconds(60)) -or $null -eq $lineTask.Result) { break }
        if ($lineTask.Result -match 'listens on (http://127\.0\.0\.1:\d+)') {
            # Keep draining its output so it never blocks on a full pipe.
            $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
            $null = $process.StandardError.BaseStream.CopyToAsync([System.IO.Stream]::Null)
            # Azurite's documented development account and key (public values).
            $endpoint = "$($Matches[1])/devstoreaccount1"
            $key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
            return [pscustomobject]@{
                BlobEndpoint     = $endpoint
                AccountName      = 'devstoreaccount1'
                AccountKey       = $key
                ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=$endpoint;"
                Process          = $process
            }
        }
    }
    if (-not $process.HasExited) { $process.Kill($true) }
    throw 'Azurite did not report its address within 60 s.'
}

function Stop-MdeSiemAzurite {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Azurite)
    $process = $Azurite.Process
    if ($process -and -not $process.HasExited) {
        $process.Kill($true)
        $null = $process.WaitForExit(10000)
    }
}

Export-ModuleMember -Function Start-MdeSiemAzurite, Stop-MdeSiemAzurite

<#
.SYNOPSIS
    Runs a fresh, non-interactive pwsh (the same PowerShell as the caller) with arguments, and returns its output and
    error lines as text without colour codes. Under 'dotnet pwsh' the process is dotnet itself, so pwsh.dll is run
    through it.
#>
function Invoke-MdeSiemChildPwsh {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string[]] $ArgumentList)
    $exe = [Environment]::ProcessPath
    $arguments = [System.Collections.Generic.List[string]]::new()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments.Add((Join-Path $PSHOME 'pwsh.dll')) }
    $arguments.AddRange([string[]] @('-NoProfile', '-NonInteractive'))
    $arguments.AddRange($ArgumentList)
    & $exe @arguments 2>&1 | ForEach-Object { "$_" -replace '\x1b\[[0-9;]*m' }
}

Export-ModuleMember -Function Invoke-MdeSiemChildPwsh
