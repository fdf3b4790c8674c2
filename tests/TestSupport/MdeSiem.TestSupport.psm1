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
        [string] $Configuration = 'Release',
        # Serve the loopback-only test hooks (Add-MdeSiemSimulatorFault, Get-MdeSiemSimulatorRequest).
        [switch] $Control,
        # Make Graph answer 429 past 150 requests in any window of this many milliseconds.
        [int] $GraphRateLimitWindowMs = 0
    )

    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.AddRange([string[]] @((Find-SimulatorAssembly -Configuration $Configuration), '--port', '0', '--alerts', "$AlertCount", '--seed', "$Seed", '--json', '--exit-on-stdin-close'))
    if ($AlertsFile) { $arguments.AddRange([string[]] @('--write-alerts', $AlertsFile)) }
    foreach ($path in $CertificatePath) { $arguments.AddRange([string[]] @('--certificate', $path)) }
    if ($Control) { $arguments.Add('--control') }
    if ($GraphRateLimitWindowMs -gt 0) { $arguments.AddRange([string[]] @('--graph-rate-limit-window-ms', "$GraphRateLimitWindowMs")) }
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

<#
.SYNOPSIS
    Makes a fault answer the simulator's next request to its target (needs Start-MdeSiemSimulator -Control).
.EXAMPLE
    Add-MdeSiemSimulatorFault $sim @{ target = 'SiemApi'; resetAfterBytes = 150000 }
#>
function Add-MdeSiemSimulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator, [Parameter(Mandatory, Position = 1)] [hashtable] $Fault)
    $uri = [Uri]::new([Uri] $Simulator.baseUri, '_simulator/faults')
    Invoke-RestMethod -Method Post -Uri $uri -Body ($Fault | ConvertTo-Json -Compress) -ContentType 'application/json' -SkipCertificateCheck | Out-Null
}

<# .SYNOPSIS The simulator's request log: method, path, query, status, time (needs -Control). #>
function Get-MdeSiemSimulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    Invoke-RestMethod -Uri ([Uri]::new([Uri] $Simulator.baseUri, '_simulator/requests')) -SkipCertificateCheck
}

Export-ModuleMember -Function Start-MdeSiemSimulator, Stop-MdeSiemSimulator, Find-SimulatorAssembly, Add-MdeSiemSimulatorFault, Get-MdeSiemSimulatorRequest
