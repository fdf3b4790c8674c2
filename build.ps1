<#
.SYNOPSIS
    Builds, tests and demonstrates the MdeSiem module.
.DESCRIPTION
    Build  : dotnet build of the solution; leaves the importable module in out/MdeSiem/.
    Test   : Build, then the xunit suite (dotnet test), then the Pester suite in a fresh pwsh process that imports
             out/MdeSiem/MdeSiem.psd1. Ends with one line "N passed, N failed[, N skipped]" summed over both, and
             exits non-zero on any failure.
    Demo   : Build, start the simulated tenant, connect, pull (and, when the module has them, convert and pull Graph
             alerts), write CSV and JSON into out/demo/, print a summary, stop the simulator (build/Invoke-Demo.ps1).
    Bench  : Build, then the benchmark harness: the module against Invoke-RestMethod / Invoke-WebRequest and a bare
             Utf8JsonReader scan, side by side, with ratios; the table is also written under out/bench/.
    Package: Build, then pack out/MdeSiem into out/package/MdeSiem.<version>.nupkg, the package Publish-PSResource
             would upload to the PowerShell Gallery (build/New-ModulePackage.ps1; offline, no nuget.exe).
    Clean  : remove out/ and the projects' bin/obj folders.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test -XunitFilter 'FullyQualifiedName~Checkpoint' -PesterFilter 'Checkpoint'
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only the Pester files whose names match (e.g. 'Connect'); the xunit suite still runs in full unless
    # -XunitFilter narrows it too.
    [string] $PesterFilter = '*',

    # Run only the xunit tests this dotnet test filter selects (e.g. 'FullyQualifiedName~Checkpoint').
    [string] $XunitFilter = '',

    # Bench: the numbers of SIEM records to measure at, comma-separated (a string, so 'dotnet pwsh ./build.ps1'
    # passes it intact from any shell).
    [string] $BenchSizes = '10000,100000,1000000',

    # Bench: how many rounds of every size (and of the Event Hubs workload), each contender's ratio taken against
    # the baseline of its own round; with more than one, the report adds every round's ratio and their median.
    [ValidateRange(1, 20)]
    [int] $BenchRounds = 1
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = $PSScriptRoot
$OutDir = Join-Path $RepoRoot 'out'
$ModuleManifest = Join-Path $OutDir 'MdeSiem/MdeSiem.psd1'
$TestResultsDir = Join-Path $OutDir 'test'

function Invoke-Native {
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Write-Host "Building MdeSiem ($Configuration)..."
    Invoke-Native dotnet @('build', (Join-Path $RepoRoot 'MdeSiem.sln'), '-c', $Configuration, '--nologo', '-v', 'minimal') | Out-Host
    if (-not (Test-Path $ModuleManifest)) {
        throw "The build did not produce $ModuleManifest."
    }
}

# A fresh pwsh for the Pester run: the process that runs build.ps1 may be Windows PowerShell or have the module
# loaded already. Under 'dotnet pwsh' the process is dotnet itself, so run pwsh.dll through it.
function Get-PwshCommand {
    $processPath = [Environment]::ProcessPath
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    if ($processPath -and [IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet' -and (Test-Path $pwshDll)) {
        return @($processPath, $pwshDll)
    }
    if ($processPath) {
        return @($processPath)
    }
    return @('pwsh')
}

function Get-PesterModulePath {
    $installed = Get-Module -ListAvailable Pester | Where-Object { $_.Version -ge [version]'5.5.0' -and $_.Version.Major -eq 5 } |
        Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) {
        return $installed.Path
    }

    $toolsDir = Join-Path $OutDir 'tools'
    $restored = Get-ChildItem -Path (Join-Path $toolsDir 'pester') -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if (-not $restored) {
        Write-Host 'Pester 5 is not installed; restoring the Pester NuGet package into out/tools...'
        Invoke-Native dotnet @('restore', (Join-Path $RepoRoot 'build/TestTools.csproj'), '--packages', $toolsDir, '--nologo', '-v', 'minimal') | Out-Host
        $restored = Get-ChildItem -Path (Join-Path $toolsDir 'pester') -Filter Pester.psd1 -Recurse | Select-Object -First 1
    }
    return $restored.FullName
}

# Reads passed/failed/skipped from the xunit TRX files dotnet test wrote.
function Get-TrxCounts {
    param([string] $Directory)
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; FailedNames = [System.Collections.Generic.List[string]]::new() }
    foreach ($file in Get-ChildItem -Path $Directory -Filter *.trx -ErrorAction SilentlyContinue) {
        [xml] $trx = Get-Content -Raw -Path $file.FullName
        $counters = $trx.TestRun.ResultSummary.Counters
        $counts.Passed += [int] $counters.passed
        $counts.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $counts.Skipped += [int] $counters.notExecuted
        foreach ($result in @($trx.TestRun.Results.UnitTestResult)) {
            if ($null -ne $result -and $result.outcome -ne 'Passed' -and $result.outcome -ne 'NotExecuted') {
                $counts.FailedNames.Add("xunit: $($result.testName)")
            }
        }
    }
    return $counts
}

# Azurite (the Azure Storage emulator) for the Get-DefenderStreamEvent tests, installed from npm into out/tools/azurite
# (ignored by git) so a fresh clone needs only Node.js and npm. Pinned; skipped when that version is already there.
$AzuriteVersion = '3.37.0'
function Install-Azurite {
    $prefix = Join-Path $OutDir 'tools/azurite'
    $installed = Join-Path $prefix 'node_modules/azurite/package.json'
    if ((Test-Path $installed) -and ((Get-Content -Raw $installed | ConvertFrom-Json).version -eq $AzuriteVersion)) {
        return
    }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
        throw 'npm is needed to install Azurite (the storage emulator the stream tests use): install Node.js and npm.'
    }
    Write-Host "Installing Azurite $AzuriteVersion from npm into $prefix..."
    New-Item -ItemType Directory -Force -Path $prefix | Out-Null
    # --ignore-scripts: nothing Azurite's blob service needs runs at install time.
    Invoke-Native npm @('install', '--prefix', $prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel', 'error', "azurite@$AzuriteVersion") | Out-Host
}

# rsyslog from Debian for the tests that send to a real collector (tests/Rsyslog.Tests.ps1): the daemon, its TLS
# driver (gtls) and RELP input. Installed with apt when missing (CI runs as root). The tests start their own rsyslogd
# on loopback ports with their own config and pid file; the package's system service (if an init system starts it)
# listens on no network port in Debian's default config, so the two never meet.
$RsyslogPackages = @('rsyslog', 'rsyslog-gnutls', 'rsyslog-relp')
function Install-Rsyslog {
    if (-not $IsLinux -or -not (Get-Command dpkg-query -ErrorAction SilentlyContinue)) {
        Write-Host 'Not a Debian-based Linux: the rsyslog tests need rsyslogd with the gtls and relp modules installed by hand.'
        return
    }
    $missing = @($RsyslogPackages | Where-Object { (& dpkg-query -W -f '${Status}' $_ 2>$null) -ne 'install ok installed' })
    if ($missing.Count -eq 0) {
        return
    }
    Write-Host "Installing $($missing -join ', ') from apt for the rsyslog tests..."
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $install = @('-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends') + $missing
    & apt-get @install | Out-Host
    if ($LASTEXITCODE -ne 0) {
        # A fresh machine may have no package lists yet.
        Invoke-Native apt-get @('-o', 'DPkg::Lock::Timeout=600', 'update') | Out-Host
        Invoke-Native apt-get $install | Out-Host
    }
}

function Invoke-XunitSuite {
    $trxDir = Join-Path $TestResultsDir 'xunit'
    if (Test-Path $trxDir) { Remove-Item -Recurse -Force $trxDir }
    Write-Host 'Running the xunit suite...'
    # Out-Host: the test output is for the reader, not part of this function's result.
    $narrowed = if ($XunitFilter) { @('--filter', $XunitFilter) } else { @() }
    & dotnet test (Join-Path $RepoRoot 'MdeSiem.sln') -c $Configuration --no-build --nologo @narrowed `
        --logger 'console;verbosity=normal' --logger 'trx' --results-directory $trxDir | Out-Host
    $exitCode = $LASTEXITCODE
    $counts = Get-TrxCounts -Directory $trxDir
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) {
        # dotnet test failed without a failed test (crash, build error): count it so the run cannot pass.
        $counts.Failed = 1
    }
    return $counts
}

function Invoke-PesterSuite {
    $pesterPath = Get-PesterModulePath
    $summaryPath = Join-Path $TestResultsDir 'pester-summary.json'
    New-Item -ItemType Directory -Force -Path $TestResultsDir | Out-Null
    if (Test-Path $summaryPath) { Remove-Item -Force $summaryPath }

    Write-Host "Running the Pester suite in a fresh pwsh (Pester from $pesterPath)..."
    $pwsh = Get-PwshCommand
    $runner = Join-Path $RepoRoot 'tests/Invoke-PesterSuite.ps1'
    $arguments = @($pwsh | Select-Object -Skip 1) + @(
        '-NoProfile', '-NonInteractive', '-File', $runner,
        '-PesterPath', $pesterPath, '-ModuleManifest', $ModuleManifest, '-SummaryPath', $summaryPath,
        '-Configuration', $Configuration)
    if ($PesterFilter -ne '*') {
        # Only when narrowed: pwsh on Unix would expand a bare '*' argument against the current folder.
        $arguments += @('-Filter', $PesterFilter)
    }
    & $pwsh[0] @arguments | Out-Host
    $exitCode = $LASTEXITCODE

    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; FailedNames = [System.Collections.Generic.List[string]]::new() }
    if (Test-Path $summaryPath) {
        $summary = Get-Content -Raw $summaryPath | ConvertFrom-Json
        $counts.Passed = [int] $summary.Passed
        $counts.Failed = [int] $summary.Failed
        $counts.Skipped = [int] $summary.Skipped
        foreach ($name in @($summary.FailedNames)) {
            if ($name) { $counts.FailedNames.Add("Pester: $name") }
        }
    }
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) {
        $counts.Failed = 1
    }
    return $counts
}

function Invoke-Test {
    Invoke-Build
    Install-Azurite
    Install-Rsyslog
    $xunit = Invoke-XunitSuite
    $pester = Invoke-PesterSuite
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    # The failed tests' names come just before the counts, so the tail of a CI log says what failed.
    foreach ($name in @($xunit.FailedNames) + @($pester.FailedNames)) {
        Write-Host "FAILED $name"
    }
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped; Pester: {3} passed, {4} failed, {5} skipped" -f `
            $xunit.Passed, $xunit.Failed, $xunit.Skipped, $pester.Passed, $pester.Failed, $pester.Skipped)
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    if ($failed -gt 0 -or $passed -eq 0) {
        exit 1
    }
}

function Invoke-Demo {
    Invoke-Build
    Import-Module (Join-Path $RepoRoot 'tests/TestSupport/MdeSiem.TestSupport.psm1') -Force
    $simulator = Start-MdeSiemSimulator -AlertCount 500 -Configuration $Configuration
    $demoDir = Join-Path $OutDir 'demo'
    try {
        Write-Host "Simulated tenant at $($simulator.BaseUri) (tenant $($simulator.TenantId))"
        # The secret goes to the child through its environment, not its command line.
        $env:MDESIEM_DEMO_SECRET = $simulator.ClientSecret
        $pwsh = Get-PwshCommand
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'build/Invoke-Demo.ps1'),
            '-ModuleManifest', $ModuleManifest, '-BaseUri', $simulator.BaseUri, '-TenantId', $simulator.TenantId,
            '-ClientId', $simulator.ClientId, '-OutputDirectory', $demoDir)
        & $pwsh[0] @arguments
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally {
        Remove-Item Env:MDESIEM_DEMO_SECRET -ErrorAction SilentlyContinue
        Stop-MdeSiemSimulator $simulator
    }
}

function Invoke-Bench {
    Invoke-Build
    $harness = Join-Path $RepoRoot "tests/MdeSiem.Benchmarks/bin/$Configuration/net10.0/MdeSiem.Benchmarks.dll"
    Import-Module (Join-Path $RepoRoot 'tests/TestSupport/MdeSiem.TestSupport.psm1') -Force
    $simulator = Find-SimulatorAssembly -Configuration $Configuration
    Invoke-Native dotnet @($harness, '--pwsh', ((Get-PwshCommand) -join ';'), '--module', $ModuleManifest,
        '--simulator', $simulator, '--sizes', ($BenchSizes -replace '\s', ''), '--rounds', $BenchRounds, '--out', (Join-Path $OutDir 'bench'))
}

function Invoke-Package {
    Invoke-Build
    $package = & (Join-Path $RepoRoot 'build/New-ModulePackage.ps1') -ModuleDirectory (Split-Path $ModuleManifest -Parent) `
        -OutputDirectory (Join-Path $OutDir 'package')
    Write-Host "Package: $($package.FullName)"
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $OutDir
    Get-ChildItem -Path (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
