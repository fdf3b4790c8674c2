# Dependency isolation on PowerShell 7: another module's MSAL (here 4.61.3, as Az.Accounts or
# Microsoft.Graph.Authentication would bring) is loaded into the session first; then MdeSiem imports, connects to the
# simulator and pulls with its own MSAL from its private load context, and the other MSAL still works. The module's
# own types (MdeSiem.Core) are in the default context, so scripts can name them as type literals and test with -is.
# Each case runs in a fresh pwsh, since this Pester process has the module loaded already.

BeforeAll {
    $script:RepoRoot = Split-Path $PSScriptRoot -Parent
    $toolsDir = Join-Path $script:RepoRoot 'out/tools'
    $script:OtherMsal = Join-Path $toolsDir 'microsoft.identity.client/4.61.3/lib/net6.0/Microsoft.Identity.Client.dll'
    $script:OtherAbstractions = Join-Path $toolsDir 'microsoft.identitymodel.abstractions/6.35.0/lib/net6.0/Microsoft.IdentityModel.Abstractions.dll'
    if (-not (Test-Path $script:OtherMsal) -or -not (Test-Path $script:OtherAbstractions)) {
        & dotnet restore (Join-Path $script:RepoRoot 'build/TestTools.csproj') --packages $toolsDir --nologo -v quiet | Out-Null
    }
    $script:ModuleVersionOfMsal = [Reflection.AssemblyName]::GetAssemblyName(
        (Join-Path (Split-Path $env:MDESIEM_MODULE_MANIFEST -Parent) 'Dependencies/Microsoft.Identity.Client.dll')).Version

    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 120 -Configuration $env:MDESIEM_BUILD_CONFIGURATION

    function Invoke-FreshPwsh([string] $Command) { Invoke-MdeSiemChildPwsh @('-Command', $Command) }

    # Key=value lines from the child, as a hashtable.
    function ConvertFrom-Report([string[]] $Lines) {
        $report = @{}
        foreach ($line in $Lines) { if ($line -match '^(\w+)=(.*)$') { $report[$Matches[1]] = $Matches[2] } }
        $report
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Dependency isolation' {
    It 'keeps only the module''s own assemblies at the module root, dependencies under Dependencies/' {
        $moduleDir = Split-Path $env:MDESIEM_MODULE_MANIFEST -Parent
        # A dependency at the root would be found next to MdeSiem.dll and load outside the private context.
        (Get-ChildItem -Path $moduleDir -Filter *.dll).Name | Sort-Object |
            Should -Be @('MdeSiem.dll', 'MdeSiem.LoadContext.dll', 'MdeSiem.Loader.dll')
        Join-Path $moduleDir 'Dependencies/MdeSiem.Core.dll' | Should -Exist
        Join-Path $moduleDir 'Dependencies/System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'has a different MSAL to load first' {
        $script:OtherMsal | Should -Exist
        [Reflection.AssemblyName]::GetAssemblyName($script:OtherMsal).Version | Should -Not -Be $script:ModuleVersionOfMsal
    }

    It 'imports, connects and pulls after another MSAL was loaded, and that MSAL keeps working' {
        $env:MDESIEM_TEST_SECRET = $script:Simulator.clientSecret
        try {
            $lines = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$($script:OtherAbstractions)'
Add-Type -Path '$($script:OtherMsal)'
Import-Module '$($env:MDESIEM_MODULE_MANIFEST)'
`$secret = ConvertTo-SecureString `$env:MDESIEM_TEST_SECRET -AsPlainText -Force
Connect-MdeSiem -TenantId '$($script:Simulator.tenantId)' -ClientId '$($script:Simulator.clientId)' -ClientSecret `$secret -EndpointUri '$($script:Simulator.baseUri)' -SkipCertificateCheck
'pulled=' + @(Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddYears(-5)) -WarningAction SilentlyContinue).Count
`$other = [Microsoft.Identity.Client.ConfidentialClientApplicationBuilder]::Create('11111111-2222-3333-4444-555555555555').WithClientSecret('not-a-secret').WithTenantId('contoso.onmicrosoft.com').Build()
'otherClientId=' + `$other.AppConfig.ClientId
'otherVersion=' + `$other.GetType().Assembly.GetName().Version
`$msal = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Microsoft.Identity.Client' }
'msalCount=' + @(`$msal).Count
'msalVersions=' + ((`$msal | ForEach-Object { `$_.GetName().Version.ToString() } | Sort-Object) -join ',')
'moduleMsalContext=' + ((`$msal | Where-Object { `$_.GetName().Version -eq [version]'$($script:ModuleVersionOfMsal)' } | ForEach-Object { [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }) -join ',')
'alertIsTypeLiteral=' + ((Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddYears(-5)) -Limit 1 -WarningAction SilentlyContinue) -is [MdeSiem.Core.Siem.MdeSiemAlert])
"@
        }
        finally {
            Remove-Item Env:MDESIEM_TEST_SECRET -ErrorAction SilentlyContinue
        }
        $report = ConvertFrom-Report $lines
        $report.pulled | Should -Be '120' -Because ($lines -join "`n")
        $report.otherClientId | Should -Be '11111111-2222-3333-4444-555555555555'
        $report.otherVersion | Should -Be ([Reflection.AssemblyName]::GetAssemblyName($script:OtherMsal).Version.ToString())
        $report.msalCount | Should -Be '2'
        $report.moduleMsalContext | Should -Be 'MdeSiem'
        $report.alertIsTypeLiteral | Should -Be 'True'
    }

    It 'lets scripts name every output type as a type literal, in the default context, with MSAL still not loaded' {
        # The types the exported cmdlets declare, read from the module this Pester session imported (not a list kept
        # here), plus evidence types the docs name; a fresh session then names each by its full name, as a script would.
        Import-Module $env:MDESIEM_MODULE_MANIFEST
        $typeNames = @(Get-Command -Module MdeSiem | ForEach-Object { $_.OutputType.Type } |
            Where-Object { $_ -and $_.Assembly.GetName().Name -like 'MdeSiem*' } | ForEach-Object FullName) +
            'MdeSiem.Core.Graph.GenericEvidence', 'MdeSiem.Core.Graph.FileEvidence' | Sort-Object -Unique
        $typeNames.Count | Should -BeGreaterThan 5
        $probe = @("Import-Module '$($env:MDESIEM_MODULE_MANIFEST)'")
        $probe += $typeNames | ForEach-Object { "'$_=' + [$_].FullName" }
        $probe += @'
'coreContext=' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext([MdeSiem.Core.Siem.MdeSiemAlert].Assembly).Name
'msalLoaded=' + [bool]([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Identity.Client' })
'@
        $lines = Invoke-FreshPwsh ($probe -join [Environment]::NewLine)
        $report = @{}
        foreach ($line in $lines) { if ($line -match '^([\w.]+)=(.*)$') { $report[$Matches[1]] = $Matches[2] } }
        foreach ($name in $typeNames) {
            $report[$name] | Should -Be $name -Because ($lines -join "`n")
        }
        $report.coreContext | Should -Be 'Default'
        $report.msalLoaded | Should -Be 'False'
    }

    It 'loads neither MSAL nor Polly at import (nothing heavy until first use)' {
        $lines = Invoke-FreshPwsh @"
Import-Module '$($env:MDESIEM_MODULE_MANIFEST)'
'loaded=' + (([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name }) -join ',')
"@
        $loaded = (ConvertFrom-Report $lines).loaded -split ','
        $loaded | Should -Contain 'MdeSiem'
        $loaded | Should -Not -Contain 'Microsoft.Identity.Client'
        $loaded | Should -Not -Contain 'Polly.Core'
    }
}
