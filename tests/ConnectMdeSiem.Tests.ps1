# Connect-MdeSiem against the simulated tenant: sign-in, failures with stable ids, and secrets kept out of sight.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 50 -Configuration $env:MDESIEM_BUILD_CONFIGURATION

    # Runs a script in a fresh runspace of this process with every stream captured, Verbose and Debug on.
    function Invoke-Captured([scriptblock] $Script, [object[]] $Arguments) {
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript('$VerbosePreference = "Continue"; $DebugPreference = "Continue"; $InformationPreference = "Continue"')
            $null = $ps.AddStatement().AddScript($Script)
            foreach ($argument in $Arguments) { $null = $ps.AddArgument($argument) }
            $output = $ps.Invoke()
            $streams = $ps.Streams
            $text = @(
                $output | ForEach-Object { $_ | Out-String }
                $streams.Error | ForEach-Object { $_ | Out-String; $_.Exception.ToString(); $_.ErrorDetails | Out-String }
                $streams.Verbose | ForEach-Object Message
                $streams.Debug | ForEach-Object Message
                $streams.Warning | ForEach-Object Message
                $streams.Information | ForEach-Object { "$($_.MessageData)" }
            ) -join "`n"
            [pscustomobject]@{ Output = $output; Errors = @($streams.Error); Verbose = @($streams.Verbose); AllText = $text }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Connect-MdeSiem' {
    It 'signs in with a client secret and returns the session with -PassThru' {
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        $connection = Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
            -ClientSecret $secret -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -Region EU -PassThru
        $connection.TenantId | Should -Be $script:Simulator.tenantId
        $connection.Region | Should -Be 'EU'
    }

    It 'signs in with a PSCredential whose user name is the client id' {
        $credential = [pscredential]::new($script:Simulator.clientId, (ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force))
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -Credential $credential -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
        @(Get-MdeSiemAlert -Limit 3 -WarningAction SilentlyContinue).Count | Should -Be 3
    }

    It 'fails a wrong secret with MdeSiem.AuthenticationFailed and never shows the secret' {
        $wrongSecret = 'Wrong-' + [guid]::NewGuid().ToString('N')
        $result = Invoke-Captured -Script {
            param($facts, $manifest, $wrong)
            Import-Module $manifest
            $secret = ConvertTo-SecureString $wrong -AsPlainText -Force
            Connect-MdeSiem -TenantId $facts.tenantId -ClientId $facts.clientId -ClientSecret $secret -EndpointUri $facts.baseUri -SkipCertificateCheck
        } -Arguments $script:Simulator, $env:MDESIEM_MODULE_MANIFEST, $wrongSecret

        $result.Errors.Count | Should -Be 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MdeSiem.AuthenticationFailed,*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $result.Errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $result.AllText | Should -Not -BeLike "*$wrongSecret*"
        $result.AllText | Should -Not -BeLike "*$($script:Simulator.clientSecret)*"
    }

    It 'keeps the secret and the bearer token out of verbose and debug output of a successful pull' {
        $result = Invoke-Captured -Script {
            param($facts, $manifest)
            Import-Module $manifest
            $secret = ConvertTo-SecureString $facts.clientSecret -AsPlainText -Force
            $connection = Connect-MdeSiem -TenantId $facts.tenantId -ClientId $facts.clientId -ClientSecret $secret -EndpointUri $facts.baseUri -SkipCertificateCheck -PassThru
            $connection
            $connection | Format-List * | Out-String
            Get-MdeSiemAlert -Limit 5 | ConvertTo-Json -Depth 5
        } -Arguments $script:Simulator, $env:MDESIEM_MODULE_MANIFEST

        $result.Errors | Should -BeNullOrEmpty
        $result.Verbose.Count | Should -BeGreaterThan 0
        ($result.Verbose.Message -join "`n") | Should -Match 'GET https://'
        $result.AllText | Should -Not -BeLike "*$($script:Simulator.clientSecret)*"
        $result.AllText | Should -Not -Match 'eyJ[A-Za-z0-9_-]{10,}\.'   # no JWT, header or body
        $result.AllText | Should -Not -Match 'Bearer\s+\S'
    }

    It 'fails an unknown tenant with MdeSiem.TenantNotFound' {
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        $err = { Connect-MdeSiem -TenantId ([guid]::NewGuid()) -ClientId $script:Simulator.clientId -ClientSecret $secret -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.TenantNotFound,*'
    }

    It 'refuses -SkipCertificateCheck for a host that is not loopback' {
        $secret = ConvertTo-SecureString 'not-used' -AsPlainText -Force
        $err = { Connect-MdeSiem -TenantId 'contoso.onmicrosoft.com' -ClientId ([guid]::NewGuid()) -ClientSecret $secret -EndpointUri 'https://siem.contoso.example/' -SkipCertificateCheck -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.CertificateCheckNotAllowed,*'
        $err.CategoryInfo.Category | Should -Be 'SecurityError'
    }

    It 'answers 403 for a tenant the SIEM API does not manage with MdeSiem.PermissionDenied' {
        $secret = ConvertTo-SecureString $script:Simulator.unmanagedClientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.unmanagedTenantId -ClientId $script:Simulator.unmanagedClientId -ClientSecret $secret -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
        $err = { Get-MdeSiemAlert -Limit 1 -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.PermissionDenied,*'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}
