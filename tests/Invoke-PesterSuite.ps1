<#
.SYNOPSIS
    Runs the Pester suite in this (fresh) process and writes a JSON summary of the counts for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Configuration = 'Release',
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -MinimumVersion 5.5.0 -Force

# The test files read these to import the built module and find the simulator, exactly as a user would.
$env:MDESIEM_MODULE_MANIFEST = $ModuleManifest
$env:MDESIEM_BUILD_CONFIGURATION = $Configuration

$testFiles = Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object { $_.Name -like "*$Filter*" }
$pesterConfiguration = New-PesterConfiguration
$pesterConfiguration.Run.Path = @($testFiles.FullName)
$pesterConfiguration.Run.PassThru = $true
$pesterConfiguration.Output.Verbosity = 'Detailed'
$pesterConfiguration.TestResult.Enabled = $true
$pesterConfiguration.TestResult.OutputFormat = 'NUnitXml'
$pesterConfiguration.TestResult.OutputPath = Join-Path (Split-Path $SummaryPath -Parent) 'pester.xml'

$result = Invoke-Pester -Configuration $pesterConfiguration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[ordered]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount + $result.NotRunCount
    # Named in build.ps1's last lines, so the end of a CI log says which tests failed.
    FailedNames = @($result.Failed | ForEach-Object { $_.ExpandedPath }) + @($result.FailedContainers | ForEach-Object { "$($_.Item)" })
} | ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8

exit ([int]($failed -gt 0))
