# -Debug must not turn the module's warnings into prompts: a compiled cmdlet run with -Debug gets an "Inquire"
# warning preference, and in a non-interactive session (scheduled task, Azure Automation) a prompt fails the
# command. Each case runs in a fresh `pwsh -NonInteractive`, as a scheduled run would.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 50 -Configuration $env:MDESIEM_BUILD_CONFIGURATION

    function Invoke-NonInteractivePwsh([string] $Command) {
        $env:MDESIEM_TEST_SECRET = $script:Simulator.clientSecret
        try { Invoke-MdeSiemChildPwsh @('-Command', $Command) }
        finally { Remove-Item Env:MDESIEM_TEST_SECRET -ErrorAction SilentlyContinue }
    }

    $script:Connect = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($env:MDESIEM_MODULE_MANIFEST)'
`$secret = ConvertTo-SecureString `$env:MDESIEM_TEST_SECRET -AsPlainText -Force
Connect-MdeSiem -TenantId '$($script:Simulator.tenantId)' -ClientId '$($script:Simulator.clientId)' -ClientSecret `$secret -EndpointUri '$($script:Simulator.baseUri)' -SkipCertificateCheck
"@
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Warnings under -Debug in a non-interactive session' {
    It 'pulls with -Debug alone: the deprecation warning is shown, not asked' {
        $text = (Invoke-NonInteractivePwsh ($script:Connect + @'

try { 'pulled=' + @(Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddYears(-5)) -Debug).Count }
catch { 'failed=' + $_.FullyQualifiedErrorId }
'@)) -join "`n"
        $text | Should -Not -Match 'failed=' -Because $text
        $text | Should -Match 'pulled=50'
        $text | Should -Match 'WARNING: Microsoft has deprecated the Defender for Endpoint SIEM API.*may turn it off without notice'
    }

    It 'still honours a warning preference that silences warnings under -Debug' {
        # A fresh session: the module warns once per session.
        $text = (Invoke-NonInteractivePwsh ($script:Connect + @'

$WarningPreference = 'SilentlyContinue'
'pulled=' + @(Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddYears(-5)) -Debug).Count
'@)) -join "`n"
        $text | Should -Match 'pulled=50' -Because $text
        $text | Should -Not -Match 'WARNING:'
    }
}
