# Connect-MdeSiem with a certificate and with a ready access token, in real pwsh against the simulator program.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    # A self-signed app certificate, as an admin would make one; the simulator gets only its public part.
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        'CN=MdeSiem Pester app', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $now = [DateTimeOffset]::UtcNow
    $script:Certificate = $request.CreateSelfSigned($now.AddMinutes(-5), $now.AddDays(1))
    $script:PfxPasswordText = 'Pester-Pfx-' + [guid]::NewGuid().ToString('N')
    $script:PfxPassword = ConvertTo-SecureString $script:PfxPasswordText -AsPlainText -Force
    $script:PfxPath = Join-Path $TestDrive 'app.pfx'
    [System.IO.File]::WriteAllBytes($script:PfxPath, $script:Certificate.Export('Pfx', $script:PfxPasswordText))
    $cerPath = Join-Path $TestDrive 'app.cer'
    [System.IO.File]::WriteAllBytes($cerPath, $script:Certificate.Export('Cert'))

    $script:Simulator = Start-MdeSiemSimulator -AlertCount 50 -CertificatePath $cerPath -Configuration $env:MDESIEM_BUILD_CONFIGURATION

    function Get-SimulatorToken {
        $body = @{
            grant_type    = 'client_credentials'
            client_id     = $script:Simulator.clientId
            client_secret = $script:Simulator.clientSecret
            scope         = 'https://graph.windows.net/.default'
        }
        (Invoke-RestMethod -Method Post -Uri "$($script:Simulator.baseUri)$($script:Simulator.tenantId)/oauth2/v2.0/token" -Body $body -SkipCertificateCheck).access_token
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Disconnect-MdeSiem -ErrorAction SilentlyContinue
}

Describe 'Connect-MdeSiem with a certificate' {
    It 'signs in with a PFX file and its password, and pulls alerts' {
        $connection = Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
            -CertificatePath $script:PfxPath -CertificatePassword $script:PfxPassword `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -PassThru
        $connection.AuthenticationMethod | Should -Be 'Certificate'
        @(Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue).Count | Should -Be 5
    }

    It 'signs in with an X509Certificate2 object' {
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
            -Certificate $script:Certificate -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
        (Get-MdeSiemConnection).Roles | Should -Contain 'Alert.Read.All'
        @(Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue).Count | Should -Be 5
    }

    It 'signs in with a PEM file holding the certificate and its <Form> key, and pulls alerts' -ForEach @(
        @{ Form = 'PKCS#1 RSA' }, @{ Form = 'encrypted PKCS#8' }
    ) {
        # Under the module's private load context the encrypted reader is reached through a span-typed delegate.
        $rsa = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($script:Certificate)
        $keyPassword = 'Pester-Pem-' + [guid]::NewGuid().ToString('N')
        $key = if ($Form -eq 'PKCS#1 RSA') { $rsa.ExportRSAPrivateKeyPem() } else {
            $rsa.ExportEncryptedPkcs8PrivateKeyPem($keyPassword, [System.Security.Cryptography.PbeParameters]::new('Aes256Cbc', 'SHA256', 10000))
        }
        $pemPath = Join-Path $TestDrive 'app.pem'
        Set-Content -Path $pemPath -Value ($script:Certificate.ExportCertificatePem() + "`n" + $key)
        $extra = if ($Form -eq 'PKCS#1 RSA') { @{} } else { @{ CertificatePassword = (ConvertTo-SecureString $keyPassword -AsPlainText -Force) } }

        $connection = Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
            -CertificatePath $pemPath @extra -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -PassThru
        $connection.AuthenticationMethod | Should -Be 'Certificate'
        @(Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue).Count | Should -Be 5
    }

    It 'fails a PEM file without a private key with MdeSiem.CertificateUnusable' {
        $pemPath = Join-Path $TestDrive 'public-only.pem'
        Set-Content -Path $pemPath -Value $script:Certificate.ExportCertificatePem()
        $err = $null
        try {
            Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
                -CertificatePath $pemPath -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
        }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.CertificateUnusable,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'fails a wrong PFX password with MdeSiem.CertificateUnusable and never shows the password' {
        $wrongText = 'Wrong-' + [guid]::NewGuid().ToString('N')
        $err = $null
        try {
            Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId `
                -CertificatePath $script:PfxPath -CertificatePassword (ConvertTo-SecureString $wrongText -AsPlainText -Force) `
                -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -Verbose 4>&1 | Out-Null
        }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.CertificateUnusable,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        ($err | Format-List * -Force | Out-String) + $err.Exception.ToString() | Should -Not -Match ([regex]::Escape($wrongText))
    }
}

Describe 'Connect-MdeSiem with a ready access token' {
    It 'uses the token, shows its expiry and roles, and never the token' {
        $token = Get-SimulatorToken
        Connect-MdeSiem -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
        @(Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue).Count | Should -Be 5

        $connection = Get-MdeSiemConnection
        $connection.AuthenticationMethod | Should -Be 'AccessToken'
        $connection.Tokens[0].ExpiresOnUtc | Should -BeGreaterThan ([DateTime]::UtcNow)
        ($connection | Format-List * -Force | Out-String) + ($connection | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($token))
    }

    It 'fails an expired token with MdeSiem.TokenExpired' {
        # {"alg":"none"}.{"exp":1}
        $expired = ConvertTo-SecureString 'eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln' -AsPlainText -Force
        $err = $null
        try { Connect-MdeSiem -AccessToken $expired -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.TokenExpired,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }
}
