# Secret hygiene across every exported cmdlet, in real pwsh against the simulator program: each cmdlet runs its
# scenarios (sign-ins of every flow, pulls, exports, and error paths) with -Verbose -Debug under Start-Transcript,
# every stream redirected (*>&1) and kept. Then the test scans all of it, plus $Error (exceptions with their inner
# exceptions, ErrorDetails, TargetObject) and every file written (transcript, checkpoints, exports, anything the
# module or MSAL put in TMPDIR), for the client secrets, the certificate and key passwords, the certificate's private
# key, IDENTITY_HEADER, ready tokens given by the user, and every token and code the simulator issued.
#
# ADDING A CMDLET: the coverage test fails until the cmdlet has a scenario. Add one line to $script:Scenarios:
#   @{ Cmdlet = 'Get-Thing'; Case = 'what it does'; Expect = 'MdeSiem.NotFound'; Run = { Get-Thing -Id nope } }
# Run is dot-sourced in one shared scope, in table order (so it can use $alerts, $graphAlerts from earlier lines);
# Expect (optional, a -like pattern) is an error id the scenario must produce, proving its error path ran.

BeforeDiscovery {
    # The names of the secret kinds scanned for, one test each.
    $script:SecretKinds = @(
        'client secret', 'unmanaged client secret', 'wrong client secret', 'PFX password', 'PEM key password',
        'certificate private key', 'IDENTITY_HEADER', 'ready token given by the user', 'token or code issued by the simulator',
        'SAS signature'
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $work = Join-Path $TestDrive 'hygiene'
    $null = New-Item -ItemType Directory -Path (Join-Path $work 'tmp') -Force

    # The app's certificate: the simulator gets the public part; the module gets it as a PFX and as an encrypted PEM.
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        'CN=MdeSiem hygiene app', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $now = [DateTimeOffset]::UtcNow
    $certificate = $request.CreateSelfSigned($now.AddMinutes(-5), $now.AddDays(1))
    $cerPath = Join-Path $TestDrive 'hygiene.cer'
    [System.IO.File]::WriteAllBytes($cerPath, $certificate.Export('Cert'))
    $pfxPasswordText = 'Hyg-Pfx-' + [guid]::NewGuid().ToString('N')
    $pemPasswordText = 'Hyg-Pem-' + [guid]::NewGuid().ToString('N')
    $wrongSecretText = 'Wrong8Q~' + [guid]::NewGuid().ToString('N')
    $pfxPath = Join-Path $TestDrive 'hygiene.pfx'
    [System.IO.File]::WriteAllBytes($pfxPath, $certificate.Export('Pfx', $pfxPasswordText))
    $pemPath = Join-Path $TestDrive 'hygiene.pem'
    Set-Content -Path $pemPath -Value ($certificate.ExportCertificatePem() + "`n" + $rsa.ExportEncryptedPkcs8PrivateKeyPem(
            $pemPasswordText, [System.Security.Cryptography.PbeParameters]::new('Aes256Cbc', 'SHA256', 10000)))

    $sim = Start-MdeSiemSimulator -AlertCount 60 -CertificatePath $cerPath -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $script:Simulator = $sim
    $uri = $sim.baseUri
    $secret = ConvertTo-SecureString $sim.clientSecret -AsPlainText -Force
    $unmanagedSecret = ConvertTo-SecureString $sim.unmanagedClientSecret -AsPlainText -Force
    $wrongSecret = ConvertTo-SecureString $wrongSecretText -AsPlainText -Force
    $pfxPassword = ConvertTo-SecureString $pfxPasswordText -AsPlainText -Force
    $pemPassword = ConvertTo-SecureString $pemPasswordText -AsPlainText -Force
    $badPassword = ConvertTo-SecureString ('Bad-' + [guid]::NewGuid().ToString('N')) -AsPlainText -Force
    $expiredTokenText = 'eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln' # {"alg":"none"}.{"exp":1}
    $sasSignatureText = 'HygSas' + [guid]::NewGuid().ToString('N')
    function Get-SimulatorToken([string] $Scope) {
        $body = @{ grant_type = 'client_credentials'; client_id = $sim.clientId; client_secret = $sim.clientSecret; scope = $Scope }
        (Invoke-RestMethod -Method Post -Uri "$uri$($sim.tenantId)/oauth2/v2.0/token" -Body $body -SkipCertificateCheck).access_token
    }
    $siemToken = ConvertTo-SecureString (Get-SimulatorToken 'https://graph.windows.net/.default') -AsPlainText -Force
    $graphOnlyToken = ConvertTo-SecureString (Get-SimulatorToken 'https://graph.microsoft.com/.default') -AsPlainText -Force
    $fakeBrowser = Join-Path $PSScriptRoot 'TestSupport/FakeBrowser'
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $closedPort = $listener.LocalEndpoint.Port; $listener.Stop()
    # A UDP collector that receives and ignores: a closed UDP port would answer ICMP unreachable.
    $script:UdpCollector = [System.Net.Sockets.UdpClient]::new([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
    $udpPort = $script:UdpCollector.Client.LocalEndPoint.Port

    # Plays the user of the device-code flow from another runspace: reads the code waiting and enters it on /devicelogin.
    function Start-DeviceCodeApprover {
        $approver = [powershell]::Create()
        $null = $approver.AddScript({
                param($baseUri)
                for ($i = 0; $i -lt 600; $i++) {
                    $codes = @((Invoke-RestMethod -Uri "${baseUri}test/pending-device-codes" -SkipCertificateCheck).values)
                    if ($codes.Count -gt 0) {
                        $null = Invoke-WebRequest -Method Post -Uri "${baseUri}devicelogin" -Body @{ otc = $codes[0] } -SkipCertificateCheck
                        return
                    }
                    Start-Sleep -Milliseconds 100
                }
            }).AddArgument($uri)
        $null = $approver.BeginInvoke()
        $approver
    }

    # THE TABLE: at least one scenario per exported cmdlet, success paths and error paths.
    $common = @{ EndpointUri = $uri; SkipCertificateCheck = $true }
    $script:Scenarios = @(
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'wrong client secret'; Expect = 'MdeSiem.AuthenticationFailed'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -ClientSecret $wrongSecret @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'unknown tenant'; Expect = 'MdeSiem.TenantNotFound'; Run = { Connect-MdeSiem -TenantId ([guid]::NewGuid()) -ClientId $sim.clientId -ClientSecret $secret @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'certificate check skipped for a host that is not loopback'; Expect = 'MdeSiem.CertificateCheckNotAllowed'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -ClientSecret $secret -EndpointUri 'https://mdesiem.example.invalid/' -SkipCertificateCheck } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'conflicting parameters'; Expect = 'AmbiguousParameterSet*'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -ClientSecret $secret -DeviceCode @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'PFX with a wrong password'; Expect = 'MdeSiem.CertificateUnusable'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -CertificatePath $pfxPath -CertificatePassword $badPassword @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'encrypted PEM with a wrong password'; Expect = 'MdeSiem.CertificateUnusable'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -CertificatePath $pemPath -CertificatePassword $badPassword @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'expired ready token'; Expect = 'MdeSiem.TokenExpired'; Run = { Connect-MdeSiem -AccessToken (ConvertTo-SecureString $expiredTokenText -AsPlainText -Force) @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'managed identity with a wrong IDENTITY_HEADER'; Expect = 'MdeSiem.*'; Run = { $env:IDENTITY_ENDPOINT = $sim.managedIdentityEndpoint; $env:IDENTITY_HEADER = 'not-the-header'; try { Connect-MdeSiem -Identity @common } finally { $env:IDENTITY_HEADER = $sim.managedIdentityHeader } } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'interactive sign-in declined'; Expect = 'MdeSiem.SignInDeclined'; Run = { $env:PATH = $fakeBrowser + [IO.Path]::PathSeparator + $savedPath; $env:MDESIEM_FAKE_BROWSER_ANSWER = 'deny'; Connect-MdeSiem -Interactive -TenantId $sim.tenantId -ClientId $sim.clientId @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'interactive sign-in'; Run = { $env:PATH = $fakeBrowser + [IO.Path]::PathSeparator + $savedPath; $env:MDESIEM_FAKE_BROWSER_ANSWER = 'approve'; Connect-MdeSiem -Interactive -TenantId $sim.tenantId -ClientId $sim.clientId -Name Interactive -PassThru @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'device code'; Run = { $approver = Start-DeviceCodeApprover; try { Connect-MdeSiem -DeviceCode -TenantId $sim.tenantId -ClientId $sim.clientId -Name DeviceCode -PassThru @common } finally { $approver.Dispose() } } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'managed identity'; Run = { $env:IDENTITY_ENDPOINT = $sim.managedIdentityEndpoint; $env:IDENTITY_HEADER = $sim.managedIdentityHeader; Connect-MdeSiem -Identity -Name Identity -PassThru @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'PFX and password'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -CertificatePath $pfxPath -CertificatePassword $pfxPassword -Name Pfx -PassThru @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'encrypted PEM and password'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -CertificatePath $pemPath -CertificatePassword $pemPassword -Name Pem -PassThru @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'ready token'; Run = { Connect-MdeSiem -AccessToken $siemToken -Name Ready -PassThru @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'ready token for another audience (401 later)'; Run = { Connect-MdeSiem -AccessToken $graphOnlyToken -Name WrongAudience @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'tenant without Defender (403 later)'; Run = { Connect-MdeSiem -TenantId $sim.unmanagedTenantId -ClientId $sim.unmanagedClientId -ClientSecret $unmanagedSecret -Name Unmanaged @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'PSCredential'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -Credential ([pscredential]::new($sim.clientId, $secret)) -Name Credential @common } }
        @{ Cmdlet = 'Connect-MdeSiem'; Case = 'client secret, the default from here on'; Run = { Connect-MdeSiem -TenantId $sim.tenantId -ClientId $sim.clientId -ClientSecret $secret -Name Main -PassThru @common } }
        @{ Cmdlet = 'Get-MdeSiemConnection'; Case = 'every connection, as a list and exported'; Run = { Get-MdeSiemConnection -All | Format-List * -Force; Get-MdeSiemConnection -All | Export-Clixml (Join-Path $work 'connections.xml'); Get-MdeSiemConnection -All | ConvertTo-Json -Depth 4 | Set-Content (Join-Path $work 'connections.json') } }
        @{ Cmdlet = 'Get-MdeSiemConnection'; Case = 'unknown name'; Expect = 'MdeSiem.ConnectionNotFound'; Run = { Get-MdeSiemConnection -Name Nowhere } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = 'pull and export'; Run = { $alerts = @(Get-MdeSiemAlert -Limit 5); $alerts; $alerts | Export-Csv (Join-Path $work 'alerts.csv') } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = 'pull with every delegated, certificate, identity and ready-token connection'; Run = { foreach ($name in 'Interactive', 'DeviceCode', 'Identity', 'Pfx', 'Pem', 'Ready', 'Credential') { Get-MdeSiemAlert -Limit 2 -Connection $name } } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = 'checkpoint file'; Run = { Get-MdeSiemAlert -Checkpoint (Join-Path $work 'siem.checkpoint.json') -SinceTimeUtc ([DateTime]::UtcNow.AddDays(-2)) -AvailabilityLag 0 } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = 'checkpointed -OutFile (file, journal and checkpoint scanned)'; Run = { Get-MdeSiemAlert -Checkpoint (Join-Path $work 'outfile.checkpoint.json') -SinceTimeUtc ([DateTime]::UtcNow.AddDays(-2)) -AvailabilityLag 0 -OutFile (Join-Path $work 'alerts-{0:yyyy-MM-dd}.jsonl') -PassThru } }
        @{ Cmdlet = 'Get-DefenderAlert'; Case = '-OutFile as CSV'; Run = { Get-DefenderAlert -Top 5 -OutFile (Join-Path $work 'graph.csv') -OutFormat Csv } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = 'damaged checkpoint file'; Expect = 'MdeSiem.CheckpointCorrupt'; Run = { Set-Content (Join-Path $work 'damaged.checkpoint.json') '{ not json'; Get-MdeSiemAlert -Checkpoint (Join-Path $work 'damaged.checkpoint.json') } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = '401 from the simulator'; Expect = 'MdeSiem.*'; Run = { Get-MdeSiemAlert -Limit 2 -Connection WrongAudience } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = '403 from the simulator'; Expect = 'MdeSiem.PermissionDenied'; Run = { Get-MdeSiemAlert -Limit 2 -Connection Unmanaged } }
        @{ Cmdlet = 'Get-MdeSiemAlert'; Case = 'bad input'; Expect = '*'; Run = { Get-MdeSiemAlert -SinceTimeUtc ([DateTime]::UtcNow) -UntilTimeUtc ([DateTime]::UtcNow.AddDays(-1)) } }
        @{ Cmdlet = 'ConvertTo-MdeSiemCef'; Case = 'CEF'; Run = { $alerts | ConvertTo-MdeSiemCef } }
        @{ Cmdlet = 'ConvertTo-MdeSiemLeef'; Case = 'LEEF'; Run = { $alerts | ConvertTo-MdeSiemLeef } }
        @{ Cmdlet = 'ConvertTo-MdeSiemLeef'; Case = 'bad input'; Expect = '*'; Run = { ConvertTo-MdeSiemLeef -InputObject $null } }
        @{ Cmdlet = 'ConvertTo-MdeSiemJsonLine'; Case = 'JSON lines to a file'; Run = { $alerts | ConvertTo-MdeSiemJsonLine | Set-Content (Join-Path $work 'alerts.jsonl') } }
        @{ Cmdlet = 'Send-MdeSiemSyslog'; Case = 'UDP'; Run = { $alerts | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $udpPort -Protocol Udp -PassThru } }
        @{ Cmdlet = 'Send-MdeSiemSyslog'; Case = 'TCP collector refusing'; Expect = 'MdeSiem.SyslogSendFailed'; Run = { $alerts | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $closedPort -Protocol Tcp -MaxReconnects 0 -ConnectRetryCount 0 } }
        @{ Cmdlet = 'Send-MdeSiemSyslog'; Case = 'TLS client certificate from a PFX, collector refusing'; Expect = 'MdeSiem.SyslogSendFailed'; Run = { $alerts | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $closedPort -Protocol Tls -ClientCertificatePath $pfxPath -ClientCertificatePassword $pfxPassword -ConnectRetryCount 0 -PassThru } }
        @{ Cmdlet = 'Send-MdeSiemSyslog'; Case = 'RELP client certificate from an encrypted PEM, collector refusing'; Expect = 'MdeSiem.SyslogSendFailed'; Run = { $alerts | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $closedPort -Protocol RelpTls -ClientCertificatePath $pemPath -ClientCertificatePassword $pemPassword -ConnectRetryCount 0 } }
        @{ Cmdlet = 'Send-MdeSiemSyslog'; Case = 'TLS client certificate PFX with a wrong password'; Expect = 'MdeSiem.CertificateUnusable'; Run = { 'x' | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $closedPort -Protocol Tls -ClientCertificatePath $pfxPath -ClientCertificatePassword $badPassword } }
        @{ Cmdlet = 'ConvertTo-GraphAlert'; Case = 'SIEM records to Graph alerts'; Run = { $alerts | ConvertTo-GraphAlert } }
        @{ Cmdlet = 'ConvertTo-GraphAlert'; Case = 'bad input record'; Expect = '*'; Run = { [pscustomobject]@{ AlertId = 'da1'; AlertTime = 'not a time'; LastProcessedTimeUtc = 'never' } | ConvertTo-GraphAlert -Strict } }
        @{ Cmdlet = 'Get-DefenderAlert'; Case = 'Graph alerts, exported'; Run = { $graphAlerts = @(Get-DefenderAlert -Top 3 -First 3); $graphAlerts; $graphAlerts | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $work 'graph-alerts.json') } }
        @{ Cmdlet = 'Get-DefenderAlert'; Case = 'unknown id'; Expect = 'MdeSiem.NotFound'; Run = { Get-DefenderAlert -Id 'da000000000000000000_0' } }
        @{ Cmdlet = 'Get-DefenderAlert'; Case = '403 from the simulator'; Expect = 'MdeSiem.PermissionDenied'; Run = { Get-DefenderAlert -Top 1 -First 1 -Connection Unmanaged } }
        @{ Cmdlet = 'Get-DefenderIncident'; Case = 'incidents with their alerts'; Run = { Get-DefenderIncident -Top 2 -First 2 -ExpandAlerts } }
        @{ Cmdlet = 'Get-DefenderIncident'; Case = 'unknown id'; Expect = 'MdeSiem.NotFound'; Run = { Get-DefenderIncident -Id '999999999' } }
        @{ Cmdlet = 'Update-DefenderAlert'; Case = 'status and comment'; Run = { Update-DefenderAlert -Id $graphAlerts[0].Id -Status InProgress -Comment 'Triaged by the hygiene test' -PassThru -Confirm:$false } }
        @{ Cmdlet = 'Update-DefenderAlert'; Case = 'unknown id'; Expect = 'MdeSiem.NotFound'; Run = { Update-DefenderAlert -Id 'da000000000000000000_0' -Status Resolved -Confirm:$false } }
        @{ Cmdlet = 'ConvertTo-MdeSiemAlert'; Case = 'Graph alerts to SIEM records'; Run = { $graphAlerts | ConvertTo-MdeSiemAlert } }
        @{ Cmdlet = 'ConvertTo-MdeSiemAlert'; Case = 'bad input'; Expect = '*'; Run = { 'not an alert' | ConvertTo-MdeSiemAlert } }
        @{ Cmdlet = 'Get-MdeAlert'; Case = 'MDE alerts with evidence, exported'; Run = { $mdeAlerts = @(Get-MdeAlert -Top 3 -IncludeEvidence); $mdeAlerts; $mdeAlerts | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $work 'mde-alerts.json'); $mdeAlerts | ConvertTo-GraphAlert } }
        @{ Cmdlet = 'Get-MdeAlert'; Case = 'unknown id'; Expect = 'MdeSiem.NotFound'; Run = { Get-MdeAlert -Id 'da000000000000000000_0' } }
        @{ Cmdlet = 'Get-MdeAlert'; Case = 'unsupported filter'; Expect = 'MdeSiem.*'; Run = { Get-MdeAlert -Filter "title eq 'x'" } }
        @{ Cmdlet = 'Get-MdeAlert'; Case = '403 from the simulator'; Expect = 'MdeSiem.PermissionDenied'; Run = { Get-MdeAlert -Top 1 -Connection Unmanaged } }
        @{ Cmdlet = 'Get-MdeAlert'; Case = 'checkpoint file'; Run = { Get-MdeAlert -Checkpoint (Join-Path $work 'mde.checkpoint.json') -UpdatedAfter ([DateTime]::UtcNow.AddDays(-2)) -AvailabilityLag 0 } }
        @{ Cmdlet = 'Update-MdeAlert'; Case = 'status and comment'; Run = { Update-MdeAlert -Id $mdeAlerts[0].Id -Status InProgress -Comment 'Triaged by the hygiene test' -PassThru -Confirm:$false } }
        @{ Cmdlet = 'Update-MdeAlert'; Case = 'unknown id'; Expect = 'MdeSiem.NotFound'; Run = { Update-MdeAlert -Id 'da000000000000000000_0' -Status Resolved -Confirm:$false } }
        @{ Cmdlet = 'Get-MdeIncident'; Case = 'incidents'; Run = { Get-MdeIncident -Top 2 } }
        @{ Cmdlet = 'Get-MdeIncident'; Case = '403 from the simulator'; Expect = 'MdeSiem.PermissionDenied'; Run = { Get-MdeIncident -Top 1 -Connection Unmanaged } }
        @{ Cmdlet = 'Update-DefenderIncident'; Case = 'status, tags and comment from the pipeline'; Run = { Get-DefenderIncident -Top 1 | Update-DefenderIncident -Status Active -AddTag 'Hygiene' -Comment 'Checked by the hygiene test' -PassThru -Confirm:$false } }
        @{ Cmdlet = 'Update-DefenderIncident'; Case = 'unknown id'; Expect = 'MdeSiem.NotFound'; Run = { Update-DefenderIncident -Id '999999999' -Status Resolved -Confirm:$false } }
        @{ Cmdlet = 'Update-MdeIncident'; Case = 'status, tags and comment from the pipeline'; Run = { Get-MdeIncident -Top 1 | Update-MdeIncident -Status InProgress -AddTag 'Hygiene' -Comment 'Checked by the hygiene test' -PassThru -Confirm:$false } }
        @{ Cmdlet = 'Update-MdeIncident'; Case = 'determination the classification refuses'; Expect = 'MdeSiem.BadRequest'; Run = { Get-MdeIncident -Top 1 | Update-MdeIncident -Classification TruePositive -Determination Clean -Confirm:$false } }
        @{ Cmdlet = 'Invoke-DefenderHuntingQuery'; Case = 'query with schema, split, exported'; Run = { $rows = @(Invoke-DefenderHuntingQuery 'AlertEvidence | project Timestamp, AlertId, AdditionalFields' -Timespan (New-TimeSpan -Days 2) -SplitBy (New-TimeSpan -Hours 12) -IncludeSchema); $rows; $rows | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $work 'hunting.json') } }
        @{ Cmdlet = 'Invoke-DefenderHuntingQuery'; Case = 'query the service refuses'; Expect = 'MdeSiem.BadRequest'; Run = { Invoke-DefenderHuntingQuery 'NoSuchTable | take 1' } }
        @{ Cmdlet = 'Invoke-DefenderHuntingQuery'; Case = '403 from the simulator'; Expect = 'MdeSiem.PermissionDenied'; Run = { Invoke-DefenderHuntingQuery 'AlertInfo | take 1' -Connection Unmanaged } }
        @{ Cmdlet = 'Get-DefenderStreamEvent'; Case = 'storage account by name with the connection''s storage token, unreachable'; Expect = 'MdeSiem.ConnectionFailed'; Run = { Get-DefenderStreamEvent AlertInfo -StorageAccountName devstoreaccount1 -BlobServiceUri 'https://127.0.0.1:9/devstoreaccount1' } }
        @{ Cmdlet = 'Get-DefenderStreamEvent'; Case = 'container SAS for another table'; Expect = 'MdeSiem.InvalidArgument'; Run = { Get-DefenderStreamEvent AlertEvidence -SasUri 'https://contoso.blob.core.windows.net/insights-logs-advancedhunting-alertinfo?sv=2024-11-04&sr=c&sp=rl&sig=NotARealSignature%3D' } }
        @{ Cmdlet = 'Get-DefenderStreamEvent'; Case = 'container SAS, unreachable, with -OutFile and -Checkpoint (the request log and the files)'; Expect = 'MdeSiem.ConnectionFailed'; Run = { Get-DefenderStreamEvent AlertInfo -SasUri "http://127.0.0.1:$closedPort/devstoreaccount1/insights-logs-advancedhunting-alertinfo?sv=2024-11-04&sr=c&sp=rl&sig=$sasSignatureText" -OutFile (Join-Path $work 'stream.jsonl') -Checkpoint (Join-Path $work 'stream.checkpoint.json') } }
        @{ Cmdlet = 'Find-MdeSiemRetiredApi'; Case = 'scripts that call retiring APIs'; Run = { Find-MdeSiemRetiredApi -Path (Join-Path $PSScriptRoot 'Fixtures/RetiredApiScripts') } }
        @{ Cmdlet = 'Find-MdeSiemRetiredApi'; Case = 'path that does not exist'; Expect = 'MdeSiem.PathNotFound'; Run = { Find-MdeSiemRetiredApi -Path (Join-Path $work 'no-such-scripts') } }
        @{ Cmdlet = 'Compare-MdeSiemMigration'; Case = 'SIEM API against Graph with an HTML report'; Run = { Compare-MdeSiemMigration -SinceTimeUtc ([datetime]::UtcNow.AddHours(-6)) -UntilTimeUtc ([datetime]::UtcNow) -IncludeMdeApi -ReportPath (Join-Path $work 'migration-report.html') } }
        @{ Cmdlet = 'Compare-MdeSiemMigration'; Case = '403 from the simulator'; Expect = 'MdeSiem.PermissionDenied'; Run = { Compare-MdeSiemMigration -SinceTimeUtc ([datetime]::UtcNow.AddHours(-1)) -Connection Unmanaged } }
        @{ Cmdlet = 'Disconnect-MdeSiem'; Case = 'one named connection'; Run = { Disconnect-MdeSiem -Name Pfx -PassThru } }
        @{ Cmdlet = 'Disconnect-MdeSiem'; Case = 'unknown name'; Expect = 'MdeSiem.ConnectionNotFound'; Run = { Disconnect-MdeSiem -Name Nowhere } }
    )

    # Runs the table with Verbose and Debug on for every module cmdlet, all streams merged and kept, under a transcript.
    function Invoke-Scenarios {
        $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
        $WarningPreference = 'Continue'; $ErrorActionPreference = 'Continue'; $ProgressPreference = 'SilentlyContinue'
        $PSDefaultParameterValues = @{}
        foreach ($command in Get-Command -Module MdeSiem) {
            $PSDefaultParameterValues["$($command.Name):Verbose"] = $true
            $PSDefaultParameterValues["$($command.Name):Debug"] = $true
            # A compiled cmdlet's -Debug turns its warnings into prompts (Inquire), which a host without a console
            # cannot answer; say Continue so warnings (the device code) are written like the rest.
            $PSDefaultParameterValues["$($command.Name):WarningAction"] = 'Continue'
        }
        $results = [System.Collections.Generic.List[object]]::new()
        foreach ($scenario in $script:Scenarios) {
            $kept = [System.Collections.Generic.List[object]]::new()
            try {
                . $scenario.Run *>&1 | ForEach-Object { $kept.Add($_); $_ } | Out-Host
            }
            catch {
                $kept.Add($_)
                $_ | Out-Host
            }
            $results.Add([pscustomobject]@{ Scenario = $scenario; Items = $kept })
        }
        $results
    }

    $savedPath = $env:PATH
    $savedTmp = $env:TMPDIR
    $savedSudoUser = $env:SUDO_USER
    Remove-Item Env:SUDO_USER -ErrorAction SilentlyContinue
    # Anything the module or MSAL writes to the temp directory lands in the scanned folder.
    $env:TMPDIR = Join-Path $work 'tmp'
    $errorsBefore = $Error.Count
    $transcript = Join-Path $work 'transcript.txt'
    Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
    try {
        $script:Results = Invoke-Scenarios
    }
    finally {
        Stop-Transcript | Out-Null
        $env:PATH = $savedPath
        $env:TMPDIR = $savedTmp
        if ($savedSudoUser) { $env:SUDO_USER = $savedSudoUser }
        Remove-Item Env:MDESIEM_FAKE_BROWSER_ANSWER, Env:IDENTITY_ENDPOINT, Env:IDENTITY_HEADER -ErrorAction SilentlyContinue
    }
    $script:NewErrors = @($Error | Select-Object -First ($Error.Count - $errorsBefore))

    # Everything a user could see or keep, as (where, text) pairs.
    function ConvertTo-ScanText($Item) {
        $text = [System.Collections.Generic.List[string]]::new()
        try { $text.Add(($Item | Out-String -Width 4096)) } catch { $text.Add("$Item") }
        if ($Item -is [System.Management.Automation.ErrorRecord]) {
            $text.Add(($Item | Format-List * -Force | Out-String -Width 4096))
            $text.Add("$($Item.ErrorDetails.Message) $($Item.ErrorDetails.RecommendedAction) $($Item.CategoryInfo) $($Item.FullyQualifiedErrorId)")
            $text.Add(($Item.TargetObject | Out-String -Width 4096))
            try { $text.Add(($Item.TargetObject | ConvertTo-Json -Depth 2 -Compress -WarningAction SilentlyContinue)) } catch { }
            for ($exception = $Item.Exception; $exception; $exception = $exception.InnerException) {
                $text.Add($exception.ToString())
                $text.Add(($exception | Format-List * -Force | Out-String -Width 4096))
            }
        }
        elseif ($Item -is [System.Management.Automation.InformationalRecord]) { $text.Add($Item.Message) }
        elseif ($Item -is [System.Management.Automation.InformationRecord]) { $text.Add("$($Item.MessageData)") }
        else {
            try { $text.Add(($Item | Format-List * -Force | Out-String -Width 4096)) } catch { }
            try { $text.Add(($Item | ConvertTo-Json -Depth 3 -Compress -WarningAction SilentlyContinue)) } catch { }
        }
        $text -join "`n"
    }
    $script:Haystacks = [System.Collections.Generic.List[object]]::new()
    foreach ($result in $script:Results) {
        $where = "streams of $($result.Scenario.Cmdlet) ($($result.Scenario.Case))"
        $script:Haystacks.Add([pscustomobject]@{ Where = $where; Text = (@($result.Items | ForEach-Object { ConvertTo-ScanText $_ }) -join "`n") })
    }
    $script:Haystacks.Add([pscustomobject]@{ Where = '$Error'; Text = (@($script:NewErrors | ForEach-Object { ConvertTo-ScanText $_ }) -join "`n") })
    $script:Files = @(Get-ChildItem -Path $work -Recurse -File)
    foreach ($file in $script:Files) {
        $script:Haystacks.Add([pscustomobject]@{ Where = "file $($file.Name)"; Text = [System.IO.File]::ReadAllText($file.FullName) })
    }

    # What must never appear. The private key in every encoding it could leak in: PKCS#8 and PKCS#1 DER as one
    # base64 string, and each 64-character line of their PEM forms.
    $privateKey = @(
        [Convert]::ToBase64String($rsa.ExportPkcs8PrivateKey())
        [Convert]::ToBase64String($rsa.ExportRSAPrivateKey())
        ($rsa.ExportPkcs8PrivateKeyPem() -split "`n" | Where-Object { $_.Length -ge 60 -and $_ -notmatch '-----' })
        ($rsa.ExportRSAPrivateKeyPem() -split "`n" | Where-Object { $_.Length -ge 60 -and $_ -notmatch '-----' })
    )
    $script:Issued = @((Invoke-RestMethod -Uri "$($uri)test/issued-secrets" -SkipCertificateCheck).values)
    $script:Secrets = @{
        'client secret'                         = @($sim.clientSecret)
        'unmanaged client secret'               = @($sim.unmanagedClientSecret)
        'wrong client secret'                   = @($wrongSecretText)
        'PFX password'                          = @($pfxPasswordText)
        'PEM key password'                      = @($pemPasswordText)
        'certificate private key'               = $privateKey
        'IDENTITY_HEADER'                       = @($sim.managedIdentityHeader)
        'ready token given by the user'         = @($expiredTokenText)
        'token or code issued by the simulator' = $script:Issued
        'SAS signature'                         = @($sasSignatureText)
    }

    # Where each value of a kind appears; only places are reported, never the value.
    function Find-Secret([string[]] $Values) {
        foreach ($haystack in $script:Haystacks) {
            foreach ($value in $Values) {
                if ($value -and $haystack.Text.Contains($value, [StringComparison]::Ordinal)) {
                    $haystack.Where
                    break
                }
            }
        }
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    if ($script:UdpCollector) { $script:UdpCollector.Dispose() }
    Disconnect-MdeSiem -ErrorAction SilentlyContinue
}

Describe 'Secret hygiene of every cmdlet' {
    It 'has a scenario for every exported cmdlet, and every scenario names one' {
        $exported = @((Get-Command -Module MdeSiem).Name)
        $covered = @($script:Scenarios.Cmdlet | Sort-Object -Unique)
        @($exported | Where-Object { $_ -notin $covered }) | Should -BeNullOrEmpty -Because 'each exported cmdlet needs a line in $script:Scenarios'
        @($covered | Where-Object { $_ -notin $exported }) | Should -BeNullOrEmpty
    }

    It 'ran each scenario''s error path' {
        $missed = foreach ($result in $script:Results | Where-Object { $_.Scenario.Expect }) {
            $ids = @($result.Items | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object FullyQualifiedErrorId)
            if (-not ($ids | Where-Object { $_ -like $result.Scenario.Expect -or $_ -like "$($result.Scenario.Expect),*" })) {
                "$($result.Scenario.Cmdlet) ($($result.Scenario.Case)) expected $($result.Scenario.Expect), got: $($ids -join '; ')"
            }
        }
        $missed | Should -BeNullOrEmpty
    }

    It 'ran the success paths without errors' {
        $failed = foreach ($result in $script:Results | Where-Object { -not $_.Scenario.Expect }) {
            $ids = @($result.Items | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object FullyQualifiedErrorId)
            if ($ids) { "$($result.Scenario.Cmdlet) ($($result.Scenario.Case)): $($ids -join '; ')" }
        }
        $failed | Should -BeNullOrEmpty
    }

    It 'saw what a user sees: verbose lines, the device code, output, a transcript and the exported files' {
        $all = ($script:Haystacks.Text -join "`n")
        $records = @($script:Results.Items)
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 20
        # The module writes no Debug records today; -Debug is on, so any added later are scanned too.
        @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] -and $_.Message -match 'devicelogin' }).Count | Should -Be 1
        # Booleans, not -Match: a failure message must not print the scanned text.
        $all.Contains($script:Simulator.tenantId) | Should -BeTrue
        $script:Files.Name | Should -Contain 'transcript.txt'
        $script:Files.Name | Should -Contain 'siem.checkpoint.json'
        $script:Files.Name | Should -Contain 'mde.checkpoint.json'
        $script:Files.Name | Should -Contain 'alerts.csv'
        $script:Files.Name | Should -Contain 'alerts.jsonl'
        $script:Files.Name | Should -Contain 'graph-alerts.json'
        $transcriptText = Get-Content -Raw ($script:Files | Where-Object Name -EQ 'transcript.txt').FullName
        $transcriptText.Contains('Signing in to tenant') -and $transcriptText.Contains('TerminatingError(Connect-MdeSiem)') | Should -BeTrue
        @($script:NewErrors).Count | Should -BeGreaterThan 10
    }

    It 'knows the tokens and codes the simulator issued: access, id and refresh tokens, device and authorization codes' {
        @($script:Issued | Where-Object { $_ -like 'eyJ*' }).Count | Should -BeGreaterThan 10
        @($script:Issued | Where-Object { $_ -like '0.A*' }).Count | Should -BeGreaterThan 1
        @($script:Issued | Where-Object { $_ -like '1.A*' }).Count | Should -BeGreaterThan 0
        @($script:Issued | Where-Object { $_ -match '^[0-9A-F]{64}$' }).Count | Should -Be 1
    }

    It 'would find a secret that leaked (the scan is not blind)' {
        $script:Haystacks.Add([pscustomobject]@{ Where = 'planted'; Text = "prefix $($script:Issued[-1]) suffix" })
        try { @(Find-Secret $script:Secrets['token or code issued by the simulator']) | Should -Contain 'planted' }
        finally { $script:Haystacks.RemoveAt($script:Haystacks.Count - 1) }
    }

    It 'shows no <_> in any stream, $Error or file' -ForEach $script:SecretKinds {
        $values = $script:Secrets[$_]
        @($values).Count | Should -BeGreaterThan 0
        @(Find-Secret $values) | Should -BeNullOrEmpty
    }
}
