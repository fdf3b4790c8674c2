# Send-MdeSiemSyslog against a real rsyslog (Debian's rsyslog, rsyslog-gnutls, rsyslog-relp; build.ps1 -Task Test
# installs them). Each rsyslogd is started here in the foreground (-n) with its own config, work directory and pid
# file, listening on free loopback ports only, and writes what it parsed of every message (PRI, HOSTNAME, APP-NAME,
# timestamp, MSG) as one JSON line per message. The tests compare that with what was sent; certificates (a CA, the
# collector's, a client's) are made here.

BeforeAll {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $script:Rsyslogd = (Get-Command rsyslogd -ErrorAction SilentlyContinue).Source
    if (-not $script:Rsyslogd -and (Test-Path /usr/sbin/rsyslogd)) { $script:Rsyslogd = '/usr/sbin/rsyslogd' }
    if (-not $script:Rsyslogd) {
        throw 'rsyslogd is not installed: build.ps1 -Task Test installs rsyslog, rsyslog-gnutls and rsyslog-relp with apt.'
    }

    # Not under $TestDrive: Pester empties it at the end of each Describe, while rsyslog keeps its files open.
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-rsyslog-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $script:Work

    function Get-FreePort {
        $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $probe.Start()
        try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
    }

    # What rsyslog parsed, one JSON object per line (jsonf escapes each value).
    $script:ParsedTemplate = @'
template(name="parsed" type="list") {
  constant(value="{")
  property(outname="pri" name="pri" format="jsonf") constant(value=",")
  property(outname="host" name="hostname" format="jsonf") constant(value=",")
  property(outname="app" name="app-name" format="jsonf") constant(value=",")
  property(outname="time" name="timereported" dateFormat="rfc3339" format="jsonf") constant(value=",")
  property(outname="msg" name="msg" format="jsonf")
  constant(value="}\n")
}
'@

    # Starts rsyslogd with the given modules and inputs; returns when every TCP port given accepts connections.
    # The main queue is Direct, so a message is in the output file before imrelp acknowledges it: counting the
    # file is counting what rsyslog accepted.
    function Start-TestRsyslog([string] $Name, [string] $Body, [int[]] $TcpPorts, [string] $Globals = '') {
        $dir = Join-Path $script:Work $Name
        $null = New-Item -ItemType Directory -Force -Path $dir
        $output = Join-Path $dir 'parsed.jsonl'
        $config = Join-Path $dir 'rsyslog.conf'
        Set-Content -Path $config -Value @"
global(workDirectory="$dir" $Globals)
main_queue(queue.type="Direct")
$Body
$script:ParsedTemplate
action(type="omfile" file="$output" template="parsed")
"@
        $instance = [pscustomobject]@{ Name = $Name; Directory = $dir; Config = $config; Output = $output; TcpPorts = $TcpPorts; Process = $null; Mark = 0 }
        Start-RsyslogProcess $instance
        $instance
    }

    function Start-RsyslogProcess($Instance) {
        $run = Get-ChildItem -Path $Instance.Directory -Filter 'stderr*.log' | Measure-Object | ForEach-Object Count
        $stderr = Join-Path $Instance.Directory "stderr$run.log"
        $Instance.Process = Start-Process -FilePath $script:Rsyslogd -PassThru `
            -ArgumentList @('-n', '-C', '-f', $Instance.Config, '-i', (Join-Path $Instance.Directory 'rsyslogd.pid')) `
            -RedirectStandardError $stderr -RedirectStandardOutput (Join-Path $Instance.Directory "stdout$run.log")
        foreach ($port in $Instance.TcpPorts) {
            for ($attempt = 0; ; $attempt++) {
                if ($Instance.Process.HasExited -or $attempt -ge 600) {
                    throw "rsyslogd ($($Instance.Name)) did not start listening on $port`: $(Get-Content -Raw $stderr)"
                }
                $client = [Net.Sockets.TcpClient]::new()
                try { $client.Connect([Net.IPAddress]::Loopback, $port); break } catch { Start-Sleep -Milliseconds 50 } finally { $client.Dispose() }
            }
        }
    }

    # SIGTERM, as a service manager stops rsyslog, and wait for it to finish.
    function Stop-TestRsyslog($Instance) {
        if ($Instance -and $Instance.Process -and -not $Instance.Process.HasExited) {
            & kill -TERM $Instance.Process.Id
            if (-not $Instance.Process.WaitForExit(30000)) { $Instance.Process.Kill() }
        }
    }

    # The complete lines rsyslog wrote after the instance's mark (a byte offset in its output file).
    function Read-ParsedLines($Instance) {
        if (-not (Test-Path $Instance.Output)) { return @() }
        $stream = [IO.File]::Open($Instance.Output, 'Open', 'Read', 'ReadWrite')
        try {
            $null = $stream.Seek($Instance.Mark, 'Begin')
            $text = [IO.StreamReader]::new($stream, [Text.Encoding]::UTF8).ReadToEnd()
        }
        finally { $stream.Dispose() }
        $complete = $text.Substring(0, $text.LastIndexOf("`n") + 1)
        @($complete.Split("`n", [StringSplitOptions]::RemoveEmptyEntries))
    }

    # The messages parsed since the last Clear-Parsed, once there are at least $Count (bounded wait: a missing
    # message fails the test, never hangs it).
    function Wait-Parsed($Instance, [int] $Count) {
        for ($attempt = 0; $attempt -lt 600; $attempt++) {
            $lines = Read-ParsedLines $Instance
            if ($lines.Count -ge $Count) { break }
            Start-Sleep -Milliseconds 50
        }
        if ($lines.Count -eq 0) { return @() }
        # One JSON array for all lines: far faster than one ConvertFrom-Json per line.
        @(('[' + ($lines -join ',') + ']') | ConvertFrom-Json -DateKind String)
    }

    # rsyslog keeps its output file open: later tests read past what is there now rather than truncate it.
    function Clear-Parsed($Instance) { $Instance.Mark = if (Test-Path $Instance.Output) { (Get-Item $Instance.Output).Length } else { 0 } }

    # Certificates: a CA, the collector's (for localhost and 127.0.0.1), a client's; PEM for rsyslog, PFX for the module.
    $now = [DateTimeOffset]::UtcNow
    $pki = Join-Path $script:Work 'pki'
    $null = New-Item -ItemType Directory -Force -Path $pki
    function New-TestCertificate([string] $Subject, $Issuer, [string] $Usage, [switch] $Authority) {
        $key = [Security.Cryptography.RSA]::Create(2048)
        $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new($Subject, $key,
            [Security.Cryptography.HashAlgorithmName]::SHA256, [Security.Cryptography.RSASignaturePadding]::Pkcs1)
        if ($Authority) {
            $request.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
            $request.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509KeyUsageExtension]::new('KeyCertSign, CrlSign', $true))
            return $request.CreateSelfSigned($now.AddDays(-1), $now.AddDays(2))
        }
        $names = [Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder]::new()
        $names.AddDnsName('localhost'); $names.AddIpAddress([Net.IPAddress]::Loopback)
        $request.CertificateExtensions.Add($names.Build())
        $request.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509KeyUsageExtension]::new('DigitalSignature, KeyEncipherment', $true))
        $usages = [Security.Cryptography.OidCollection]::new()
        $null = $usages.Add([Security.Cryptography.Oid]::new($Usage))
        $request.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension]::new($usages, $false))
        $serial = [byte[]](1..16 | ForEach-Object { Get-Random -Maximum 256 }); $serial[0] = 0x11
        $issued = $request.Create($Issuer, $now.AddDays(-1), $now.AddDays(2), $serial)
        [Security.Cryptography.X509Certificates.RSACertificateExtensions]::CopyWithPrivateKey($issued, $key)
    }
    $ca = New-TestCertificate -Subject 'CN=MdeSiem rsyslog test CA' -Authority
    $server = New-TestCertificate -Subject 'CN=localhost' -Issuer $ca -Usage '1.3.6.1.5.5.7.3.1'
    $client = New-TestCertificate -Subject 'CN=mdesiem-client' -Issuer $ca -Usage '1.3.6.1.5.5.7.3.2'
    $otherCa = New-TestCertificate -Subject 'CN=Some other CA' -Authority
    $script:CaPath = Join-Path $pki 'ca.pem'
    $script:OtherCaPath = Join-Path $pki 'other-ca.pem'
    Set-Content -Path $script:CaPath -Value $ca.ExportCertificatePem()
    Set-Content -Path $script:OtherCaPath -Value $otherCa.ExportCertificatePem()
    Set-Content -Path (Join-Path $pki 'server.pem') -Value $server.ExportCertificatePem()
    Set-Content -Path (Join-Path $pki 'server.key') -Value ([Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($server).ExportPkcs8PrivateKeyPem())
    $script:ClientPfxPassword = ConvertTo-SecureString ('Rsys-' + [guid]::NewGuid().ToString('N')) -AsPlainText -Force
    $script:ClientPfxPath = Join-Path $pki 'client.pfx'
    [IO.File]::WriteAllBytes($script:ClientPfxPath, $client.Export('Pfx', (ConvertFrom-SecureString $script:ClientPfxPassword -AsPlainText)))
    $script:ClientCertificate = $client
    # The collector's public-key pin, computed with .NET's own SubjectPublicKeyInfo export.
    $script:ServerPin = 'sha256/' + [Convert]::ToBase64String([Security.Cryptography.SHA256]::HashData($server.PublicKey.ExportSubjectPublicKeyInfo()))
    $tlsGlobals = "DefaultNetstreamDriverCAFile=`"$($script:CaPath)`" DefaultNetstreamDriverCertFile=`"$(Join-Path $pki 'server.pem')`" DefaultNetstreamDriverKeyFile=`"$(Join-Path $pki 'server.key')`""

    # Plain transports, with rsyslog's default maxMessageSize (8 KB) and control-character escaping.
    $script:UdpPort = Get-FreePort; $script:TcpPort = Get-FreePort; $script:RelpPort = Get-FreePort
    $script:Plain = Start-TestRsyslog -Name plain -TcpPorts $script:TcpPort, $script:RelpPort -Body @"
module(load="imudp")
module(load="imtcp")
module(load="imrelp")
input(type="imudp" address="127.0.0.1" port="$($script:UdpPort)")
input(type="imtcp" address="127.0.0.1" port="$($script:TcpPort)")
input(type="imrelp" address="127.0.0.1" port="$($script:RelpPort)")
"@

    # TLS (RFC 5425) that requires a client certificate issued by the CA, and RELP over TLS that does the same.
    $script:TlsPort = Get-FreePort; $script:RelpTlsPort = Get-FreePort
    $script:Tls = Start-TestRsyslog -Name tls -TcpPorts $script:TlsPort, $script:RelpTlsPort -Globals $tlsGlobals -Body @"
module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="x509/certvalid")
module(load="imrelp")
input(type="imtcp" address="127.0.0.1" port="$($script:TlsPort)")
input(type="imrelp" address="127.0.0.1" port="$($script:RelpTlsPort)" tls="on" tls.caCert="$($script:CaPath)" tls.myCert="$(Join-Path $pki 'server.pem')" tls.myPrivKey="$(Join-Path $pki 'server.key')" tls.authMode="certvalid")
"@

    $script:Common = @{ ComputerName = '127.0.0.1'; Hostname = 'pester'; AppName = 'fwd'; Facility = 'Local4'; Severity = 'Warning'; ConnectRetryDelay = [timespan]::FromMilliseconds(100) }
    # CEF lines with the characters CEF escapes and non-ASCII text.
    $script:Lines = @(1..5 | ForEach-Object { "CEF:0|Microsoft|Microsoft Defender ATP|2.0|Run $_|Détection \| n°$_|8|cs1=a\=b msg=ünïcödé $_ $([guid]::NewGuid())" })
}

AfterAll {
    Stop-TestRsyslog $script:Plain
    Stop-TestRsyslog $script:Tls
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:Work
}

Describe 'What rsyslog parsed of each message' {
    It 'over <Protocol>: PRI, HOSTNAME, APP-NAME, timestamp and MSG as sent, once each, in order' -TestCases @(
        @{ Protocol = 'Udp'; Extra = @{} }
        @{ Protocol = 'Tcp'; Extra = @{} }
        @{ Protocol = 'Relp'; Extra = @{} }
        @{ Protocol = 'Tls'; Extra = @{ Tls = $true } }
        @{ Protocol = 'RelpTls'; Extra = @{ Tls = $true } }
    ) {
        param($Protocol, $Extra)
        $target = if ($Extra.Tls) { $script:Tls } else { $script:Plain }
        $port = @{ Udp = $script:UdpPort; Tcp = $script:TcpPort; Relp = $script:RelpPort; Tls = $script:TlsPort; RelpTls = $script:RelpTlsPort }[$Protocol]
        $tlsParameters = if ($Extra.Tls) { @{ CaCertificatePath = $script:CaPath; ClientCertificatePath = $script:ClientPfxPath; ClientCertificatePassword = $script:ClientPfxPassword } } else { @{} }
        Clear-Parsed $target
        $before = [DateTimeOffset]::UtcNow.AddSeconds(-1)
        $results = @($script:Lines | Send-MdeSiemSyslog @script:Common @tlsParameters -Port $port -Protocol $Protocol -PassThru)
        $after = [DateTimeOffset]::UtcNow.AddSeconds(1)

        $results.Sent | Should -Be (@($true) * 5)
        $results.Acknowledged | Should -Be (@($Protocol -like 'Relp*') * 5)
        $parsed = Wait-Parsed $target 5
        $parsed.Count | Should -Be 5
        $parsed.msg | Should -Be $script:Lines
        foreach ($message in $parsed) {
            $message.pri | Should -Be '164' # local4 (20) * 8 + warning (4)
            $message.host | Should -Be 'pester'
            $message.app | Should -Be 'fwd'
            $time = [DateTimeOffset]::Parse($message.time, [Globalization.CultureInfo]::InvariantCulture)
            $time | Should -BeGreaterOrEqual $before
            $time | Should -BeLessOrEqual $after
        }
    }

    It 'reads an RFC 3164 message''s tag as APP-NAME' {
        Clear-Parsed $script:Plain
        $script:Lines[0] | Send-MdeSiemSyslog @script:Common -Port $script:TcpPort -Protocol Tcp -Format Rfc3164
        $parsed = Wait-Parsed $script:Plain 1
        $parsed.app | Should -Be 'fwd'
        $parsed.host | Should -Be 'pester'
        # rsyslog's MSG of an RFC 3164 message keeps the space that follows "TAG:".
        $parsed.msg | Should -Be (' ' + $script:Lines[0])
    }
}

Describe 'Mutual TLS against rsyslog with StreamDriver.AuthMode x509/certvalid' {
    BeforeEach { Clear-Parsed $script:Tls }

    It 'reports every message as not sent when no client certificate is given, and none arrives' {
        $results = @($script:Lines | Send-MdeSiemSyslog @script:Common -Port $script:TlsPort -Protocol Tls -CaCertificatePath $script:CaPath -ConnectRetryCount 0 -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures)
        $results.Sent | Should -Be (@($false) * 5)
        $failures.Count | Should -Be 5
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.SyslogSendFailed*' }

        # A message with the certificate goes after them: once it is in, anything sent before would be too.
        'with certificate' | Send-MdeSiemSyslog @script:Common -Port $script:TlsPort -Protocol Tls -CaCertificatePath $script:CaPath -ClientCertificate $script:ClientCertificate
        (Wait-Parsed $script:Tls 1).msg | Should -Be @('with certificate')
    }

    It 'reports RELP over TLS without a client certificate as not sent' {
        $results = @($script:Lines | Send-MdeSiemSyslog @script:Common -Port $script:RelpTlsPort -Protocol RelpTls -CaCertificatePath $script:CaPath -ConnectRetryCount 0 -PassThru -ErrorAction SilentlyContinue)
        $results.Sent | Should -Be (@($false) * 5)
        'relp with certificate' | Send-MdeSiemSyslog @script:Common -Port $script:RelpTlsPort -Protocol RelpTls -CaCertificatePath $script:CaPath -ClientCertificatePath $script:ClientPfxPath -ClientCertificatePassword $script:ClientPfxPassword
        (Wait-Parsed $script:Tls 1).msg | Should -Be @('relp with certificate')
    }

    It 'refuses a collector whose CA is not trusted here, and sends nothing' {
        $results = @('x' | Send-MdeSiemSyslog @script:Common -Port $script:TlsPort -Protocol Tls -CaCertificatePath $script:OtherCaPath -ClientCertificate $script:ClientCertificate -PassThru -ErrorAction SilentlyContinue)
        $results.Sent | Should -Be $false
        $results.Error | Should -Match 'certificate'
    }

    It 'accepts a collector by its public-key pin without any CA' {
        $results = @('pinned' | Send-MdeSiemSyslog @script:Common -Port $script:TlsPort -Protocol Tls -CertificatePin $script:ServerPin -ClientCertificate $script:ClientCertificate -PassThru)
        $results.Sent | Should -Be $true
        (Wait-Parsed $script:Tls 1).msg | Should -Be @('pinned')
    }

    It 'refuses a collector that matches no pin, even one whose CA is trusted' {
        $otherPin = 'sha256/' + [Convert]::ToBase64String([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes('another key')))
        $results = @('x' | Send-MdeSiemSyslog @script:Common -Port $script:TlsPort -Protocol Tls -CaCertificatePath $script:CaPath -CertificatePin $otherPin -ClientCertificate $script:ClientCertificate -PassThru -ErrorAction SilentlyContinue)
        $results.Sent | Should -Be $false
        $results.Error | Should -Match 'pin'
    }

    It 'stops at once on a pin that is not a pin' {
        { 'x' | Send-MdeSiemSyslog @script:Common -Port $script:TlsPort -Protocol Tls -CertificatePin 'not-a-pin' -ErrorAction Stop } |
            Should -Throw -ErrorId 'MdeSiem.InvalidArgument*'
    }
}

Describe 'RELP: rsyslog restarted in the middle of a run' {
    It 'delivers every message: none lost, and a message appears twice only if it was sent again after the break' {
        Clear-Parsed $script:Plain
        $count = 5000
        $run = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $sender = [powershell]::Create()
        $null = $sender.AddScript({
                param($manifest, $port, $count, $run)
                Import-Module $manifest
                # Paced a little (a pause every 50 messages) so that the restart falls inside the run on any machine.
                1..$count | ForEach-Object { if ($_ % 50 -eq 0) { Start-Sleep -Milliseconds 10 }; "$run message $_" } |
                    Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $port -Protocol Relp -BatchSize 500 -Hostname pester -AppName relp `
                        -ConnectRetryCount 12 -ConnectRetryDelay ([timespan]::FromMilliseconds(50)) -PassThru
            }).AddArgument($env:MDESIEM_MODULE_MANIFEST).AddArgument($script:RelpPort).AddArgument($count).AddArgument($run)
        $pending = $sender.BeginInvoke()
        try {
            for ($attempt = 0; $attempt -lt 600 -and (Read-ParsedLines $script:Plain).Count -lt 1000; $attempt++) { Start-Sleep -Milliseconds 20 }
            $pending.IsCompleted | Should -BeFalse -Because 'the restart must happen while messages are still being sent'
            Stop-TestRsyslog $script:Plain
            Start-RsyslogProcess $script:Plain
            $results = @($sender.EndInvoke($pending))
        }
        finally {
            $sender.Dispose()
        }

        $results.Count | Should -Be $count
        @($results | Where-Object { -not ($_.Sent -and $_.Acknowledged) }).Count | Should -Be 0
        $resent = @($results | Where-Object Reconnects -GT 0 | ForEach-Object Message)
        $resent.Count | Should -BeGreaterThan 0 -Because 'the session broke while messages awaited their acknowledgement'

        $parsed = Wait-Parsed $script:Plain $count
        $received = @{}
        foreach ($text in $parsed.msg) { $received[$text] = 1 + [int] $received[$text] }
        $missing = @(1..$count | Where-Object { -not $received.ContainsKey("$run message $_") })
        $missing.Count | Should -Be 0
        $twice = @($received.GetEnumerator() | Where-Object Value -GT 1 | ForEach-Object Key)
        $twice | Where-Object { $_ -notin $resent } | Should -BeNullOrEmpty
        @($received.Values | Where-Object { $_ -gt 2 }).Count | Should -Be 0
        $parsed.Count | Should -Be ($count + $twice.Count)
    }
}

Describe 'Message size' {
    BeforeAll {
        # rsyslog's default maxMessageSize is 8 KB (8096 bytes of message, header included).
        $script:Long = 'L' * 20000
        # <164>1 + the 27-character UTC timestamp + " pester fwd - - - ".
        $script:HeaderLength = ('<164>1 ' + ('x' * 27) + ' pester fwd - - - ').Length
    }
    BeforeEach { Clear-Parsed $script:Plain }

    It 'over <Protocol> with -MaxMessageSize 8096: one message, MSG cut where the limit falls' -TestCases @(
        @{ Protocol = 'Tcp' }, @{ Protocol = 'Udp' }, @{ Protocol = 'Relp' }
    ) {
        param($Protocol)
        $port = @{ Udp = $script:UdpPort; Tcp = $script:TcpPort; Relp = $script:RelpPort }[$Protocol]
        $results = @($script:Long, 'after' | Send-MdeSiemSyslog @script:Common -Port $port -Protocol $Protocol -MaxMessageSize 8096 -PassThru)
        $results.Sent | Should -Be @($true, $true)
        $results.Truncated | Should -Be @($true, $false)
        $parsed = Wait-Parsed $script:Plain 2
        $parsed.Count | Should -Be 2
        $parsed[0].msg | Should -Be ('L' * (8096 - $script:HeaderLength))
        $parsed[1].msg | Should -Be 'after'
    }

    It 'without a limit, TCP to rsyslog''s default 8 KB turns the rest of a long frame into further messages (why -MaxMessageSize exists)' {
        $script:Long, 'after' | Send-MdeSiemSyslog @script:Common -Port $script:TcpPort -Protocol Tcp
        $parsed = Wait-Parsed $script:Plain 3
        $parsed.Count | Should -BeGreaterThan 2
    }

    It 'without a limit, a UDP message over the datagram size is reported as not sent' {
        $results = @(('D' * 70000) | Send-MdeSiemSyslog @script:Common -Port $script:UdpPort -Protocol Udp -PassThru -ErrorAction SilentlyContinue)
        $results.Sent | Should -Be $false
        $results.ErrorId | Should -Be 'MdeSiem.SyslogSendFailed'
    }
}

Describe 'LEEF through rsyslog''s default parser' {
    BeforeEach { Clear-Parsed $script:Plain }

    It 'arrives with its tab delimiters escaped as #011 (parser.escapeControlCharactersOnReceive), and intact with -Delimiter ^' {
        $record = [pscustomobject]@{ AlertId = 'da1'; Severity = 'High'; Category = 'Malware'; AlertTime = '2026-03-04T05:06:07Z' }
        $tabbed = $record | ConvertTo-MdeSiemLeef
        $caret = $record | ConvertTo-MdeSiemLeef -Delimiter '^'
        $tabbed, $caret | Send-MdeSiemSyslog @script:Common -Port $script:TcpPort -Protocol Tcp
        $parsed = Wait-Parsed $script:Plain 2
        $parsed[0].msg | Should -Be ($tabbed -replace "`t", '#011')
        $parsed[1].msg | Should -Be $caret
    }
}
