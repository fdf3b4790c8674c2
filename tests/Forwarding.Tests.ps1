# Forwarding end to end: the real module in real pwsh. Alerts come from the simulated tenant started as a program;
# expected values come from the simulator's own alerts file, and syslog listeners are started here on loopback.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-fwd-alerts-$([guid]::NewGuid()).json"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -Seed 11 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck

    $script:Expected = Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String -NoEnumerate
    $script:Pulled = @(Get-MdeSiemAlert -Limit 20 -WarningAction SilentlyContinue)

    # Reads octet-counted frames (RFC 6587: length, space, message) from raw bytes; written here, not in the module.
    function Split-OctetCounted([byte[]] $Bytes) {
        $position = 0
        while ($position -lt $Bytes.Length) {
            $space = [Array]::IndexOf($Bytes, [byte]32, $position)
            $length = [int][Text.Encoding]::ASCII.GetString($Bytes, $position, $space - $position)
            [Text.Encoding]::UTF8.GetString($Bytes, $space + 1, $length)
            $position = $space + 1 + $length
        }
    }
    $script:SplitOctetCounted = ${function:Split-OctetCounted}
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Force -ErrorAction SilentlyContinue $script:AlertsFile
}

Describe 'Get-MdeSiemAlert -Limit 20 | ConvertTo-MdeSiemCef' {
    BeforeAll {
        $script:Cef = @($script:Pulled | ConvertTo-MdeSiemCef)
    }

    It 'writes one CEF:0 string per detection with the ArcSight header' {
        $script:Cef.Count | Should -Be 20
        $script:Cef | ForEach-Object {
            $_ | Should -BeOfType [string]
            $_ | Should -Match '^CEF:0\|Microsoft\|Microsoft Defender ATP\|2\.0\|'
            $_ | Should -Not -Match "[`r`n]"
        }
    }

    It 'carries each detection''s id, category and link as the mapping says' {
        for ($i = 0; $i -lt 20; $i++) {
            $source = $script:Expected | Where-Object FullId -eq $script:Pulled[$i].FullId
            $script:Cef[$i] | Should -Match ([regex]::Escape("externalId=$($source.AlertId) "))
            $script:Cef[$i] | Should -Match ([regex]::Escape("cat=$($source.Category) "))
            $script:Cef[$i] | Should -Match ([regex]::Escape("flexString1=$($source.LinkToWDATP.Replace('=', '\=')) flexString1Label=LinkToWDATP"))
        }
    }

    It 'lets -FieldMap add a key from a script block' {
        $line = $script:Pulled[0] | ConvertTo-MdeSiemCef -FieldMap @{ cs3 = { $_.FullId }; cs3Label = { 'FullId' } }
        # CEF escapes '=' in extension values (FullId ends in base64 padding).
        $line | Should -Match ([regex]::Escape("cs3=$($script:Pulled[0].FullId.Replace('=', '\='))"))
        $line | Should -Match 'cs3Label=FullId'
    }
}

Describe 'Import-Csv old.csv | ConvertTo-MdeSiemLeef' {
    BeforeAll {
        $script:Csv = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-old-$([guid]::NewGuid()).csv"
        $script:Expected | Select-Object -First 25 | Export-Csv -Path $script:Csv -NoTypeInformation
        $script:Leef = @(Import-Csv $script:Csv | ConvertTo-MdeSiemLeef)
        $script:Rows = @(Import-Csv $script:Csv)
    }
    AfterAll { Remove-Item -Force -ErrorAction SilentlyContinue $script:Csv }

    It 'writes one LEEF 2.0 string per row, tab-delimited' {
        $script:Leef.Count | Should -Be 25
        $script:Leef | ForEach-Object {
            $_ | Should -BeOfType [string]
            $_ | Should -Match '^LEEF:2\.0\|Microsoft\|Microsoft Defender ATP\|2\.0\|[^|]+\|x09\|'
        }
    }

    It 'keeps every row''s values in its attributes' {
        for ($i = 0; $i -lt 25; $i++) {
            $attributes = @{}
            ($script:Leef[$i] -split '\|', 7)[6] -split "`t" | ForEach-Object {
                $key, $value = $_ -split '=', 2
                $attributes[$key] = $value -replace '\\\\', '\'
            }
            $attributes.externalId | Should -Be $script:Rows[$i].AlertId
            $attributes.cat | Should -Be $script:Rows[$i].Category
            $attributes.severity | Should -Be $script:Rows[$i].Severity
            $attributes.devTime | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'
        }
    }

    It 'takes -Delimiter' {
        $line = $script:Rows[0] | ConvertTo-MdeSiemLeef -Delimiter '^'
        $line | Should -Match '\|\^\|devTimeFormat='
    }
}

Describe 'ConvertTo-MdeSiemJsonLine | Add-Content' {
    It 'appends a file in which every line is one valid JSON object' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-$([guid]::NewGuid()).jsonl"
        try {
            $script:Pulled | ConvertTo-MdeSiemJsonLine | Add-Content -Path $file
            $script:Pulled | Select-Object -First 5 | ConvertTo-MdeSiemJsonLine | Add-Content -Path $file
            $lines = @(Get-Content -Path $file)
            $lines.Count | Should -Be 25
            $objects = @($lines | ForEach-Object { $_ | ConvertFrom-Json -DateKind String })
            ($objects.FullId | Select-Object -First 20) | Should -Be $script:Pulled.FullId
            $objects[0].PSObject.Properties.Name | Select-Object -First 3 | Should -Be @('AlertTime', 'ComputerDnsName', 'AlertTitle')
            $objects | ForEach-Object { $_.AlertTime | Should -Match 'Z$' }
        }
        finally {
            Remove-Item -Force -ErrorAction SilentlyContinue $file
        }
    }
}

Describe 'Send-MdeSiemSyslog' {
    It 'sends CEF lines to a UDP listener, one datagram each, RFC 5424' {
        $listener = [Net.Sockets.UdpClient]::new([Net.IPEndPoint]::new([Net.IPAddress]::Loopback, 0))
        try {
            $port = $listener.Client.LocalEndPoint.Port
            $lines = @($script:Pulled | Select-Object -First 5 | ConvertTo-MdeSiemCef)
            $results = @($lines | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $port -Protocol Udp -Hostname pester -AppName fwd -Facility Local4 -Severity Warning -PassThru)
            $results.Sent | Should -Be (@($true) * 5)
            $listener.Client.ReceiveTimeout = 60000
            $remote = [Net.IPEndPoint]::new([Net.IPAddress]::Any, 0)
            foreach ($line in $lines) {
                $text = [Text.Encoding]::UTF8.GetString($listener.Receive([ref] $remote))
                # PRI = local4 (20) * 8 + warning (4) = 164
                $text | Should -Match ('^<164>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z pester fwd - - - ' + [regex]::Escape($line) + '$')
            }
        }
        finally {
            $listener.Dispose()
        }
    }

    It 'sends alert objects as CEF over TCP with octet counting' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $alerts = @($script:Pulled | Select-Object -First 4)
            $alerts | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $port -Protocol Tcp -Hostname pester -AppName fwd -Format Rfc3164
            # The sender has closed its connection: the listener reads it to the end.
            $client = $listener.AcceptTcpClient()
            $buffer = [IO.MemoryStream]::new()
            $client.GetStream().CopyTo($buffer)
            $client.Dispose()
            $messages = @(& $script:SplitOctetCounted $buffer.ToArray())
            $messages.Count | Should -Be 4
            for ($i = 0; $i -lt 4; $i++) {
                $messages[$i] | Should -Match '^<\d+>[A-Z][a-z]{2} [ 1-3]\d \d\d:\d\d:\d\d pester fwd: CEF:0\|'
                $messages[$i] | Should -Match ([regex]::Escape("externalId=$($alerts[$i].AlertId) "))
            }
        }
        finally {
            $listener.Stop()
        }
    }

    It 'reports each message it could not send with a stable error id' {
        $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $results = @('one', 'two', 'three' | Send-MdeSiemSyslog -ComputerName 127.0.0.1 -Port $port -Protocol Tcp -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures.Count | Should -Be 3
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.SyslogSendFailed,*' }
        $results.Sent | Should -Be @($false, $false, $false)
        $results.Message | Should -Be @('one', 'two', 'three')
    }

    It 'refuses -SkipCertificateCheck for a remote collector' {
        { 'x' | Send-MdeSiemSyslog -ComputerName siem.example.com -Protocol Tls -SkipCertificateCheck -ErrorAction Stop } |
            Should -Throw -ErrorId 'MdeSiem.CertificateCheckNotAllowed,*'
    }
}
