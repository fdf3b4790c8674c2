# Connect-MdeSiem -Interactive end to end in real pwsh: MSAL opens the "system browser" (a fake xdg-open first in
# PATH that plays the user), the simulator's authorize endpoint answers with PKCE, and the module pulls alerts.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-interactive-$([guid]::NewGuid()).json"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 50 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    # The five most recent records, read from the simulator's own file without the module.
    $script:ExpectedFullIds = @(Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String |
            Sort-Object { [DateTime]::Parse($_.LastProcessedTimeUtc, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime() } |
            Select-Object -Last 5 | ForEach-Object FullId | Sort-Object)
    $script:SavedPath = $env:PATH
    $script:SavedSudoUser = $env:SUDO_USER
    # MSAL refuses to open a browser under sudo; a test run must not depend on how it was started.
    Remove-Item Env:SUDO_USER -ErrorAction SilentlyContinue
    $env:PATH = (Join-Path $PSScriptRoot 'TestSupport/FakeBrowser') + [System.IO.Path]::PathSeparator + $env:PATH

    function Get-IssuedSecrets {
        (Invoke-RestMethod -Uri "$($script:Simulator.baseUri)test/issued-secrets" -SkipCertificateCheck).values
    }
}

AfterAll {
    $env:PATH = $script:SavedPath
    if ($script:SavedSudoUser) { $env:SUDO_USER = $script:SavedSudoUser }
    Remove-Item Env:MDESIEM_FAKE_BROWSER_ANSWER -ErrorAction SilentlyContinue
    Disconnect-MdeSiem -ErrorAction SilentlyContinue
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Force -ErrorAction SilentlyContinue $script:AlertsFile
}

Describe 'Connect-MdeSiem -Interactive' -Skip:(-not $IsLinux) {
    It 'signs in through the system browser with PKCE and pulls alerts' {
        $env:MDESIEM_FAKE_BROWSER_ANSWER = 'approve'
        $connection = Connect-MdeSiem -Interactive -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -PassThru
        $connection.AuthenticationMethod | Should -Be 'Interactive'
        $connection.Scopes | Should -Contain 'Alert.Read'

        $alerts = @(Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue)
        @($alerts.FullId | Sort-Object) | Should -Be $script:ExpectedFullIds

        # An authorization code was issued and redeemed (the simulator checked the verifier against the S256 challenge).
        @(Get-IssuedSecrets | Where-Object { $_ -like '1.A*' }).Count | Should -BeGreaterThan 0
    }

    It 'fails with MdeSiem.SignInDeclined when the user cancels in the browser' {
        $env:MDESIEM_FAKE_BROWSER_ANSWER = 'deny'
        $err = $null
        try {
            Connect-MdeSiem -Interactive -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
                -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -Name Declined
        }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.SignInDeclined,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        Get-MdeSiemConnection -Name Declined -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'fails with MdeSiem.BrowserUnavailable when no browser can be started' {
        $env:PATH = [System.IO.Path]::GetTempPath()
        try {
            $err = $null
            try {
                Connect-MdeSiem -Interactive -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
                    -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
            }
            catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.BrowserUnavailable,*'
            $err.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        }
        finally {
            $env:PATH = (Join-Path $PSScriptRoot 'TestSupport/FakeBrowser') + [System.IO.Path]::PathSeparator + $script:SavedPath
        }
    }
}
