# Get-DefenderStreamEvent against an event hub: the real module (Azure.Messaging.EventHubs in its private load
# context) reads the simulator's Event Hubs endpoint, which holds the generated detections as the Streaming API sends
# them. Expected values come from the simulator's facts file (every record it published, with partition and sequence
# number), never from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-eventhub-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $factsFile = Join-Path $script:Work 'hub.json'
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -Seed 23 -EventHubFactsFile $factsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $script:Hub = Get-Content -Raw $factsFile | ConvertFrom-Json -DateKind String
    $script:Cs = $script:Hub.connectionString
    $script:AlertInfo = @($script:Hub.records | Where-Object table -eq 'AlertInfo')
    # AlertId -> the event that holds its AlertInfo record.
    $script:EventOf = @{}
    foreach ($r in $script:AlertInfo) { $script:EventOf[$r.record.properties.AlertId] = [pscustomobject] @{ Partition = $r.partition; Sequence = [long] $r.sequenceNumber } }

    function Get-SortedAlertIds($events) { @($events | ForEach-Object AlertId | Sort-Object) }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:Work
}

Describe 'Get-DefenderStreamEvent -EventHubConnectionString' {
    It 'reads every AlertInfo and AlertEvidence record of every partition once, typed, and stops' {
        $events = @(Get-DefenderStreamEvent -EventHubConnectionString $script:Cs)
        $events.Count | Should -Be @($script:Hub.records).Count
        $info = @($events | Where-Object Table -eq 'AlertInfo')
        Get-SortedAlertIds $info | Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
        $info[0].PSObject.TypeNames[0] | Should -Be 'MdeSiem.Core.StreamingApi.AlertInfoEvent'
        ($events | Where-Object Table -eq 'AlertEvidence')[0].PSObject.TypeNames[0] | Should -Be 'MdeSiem.Core.StreamingApi.AlertEvidenceEvent'
    }

    It 'keeps one table with -EventType' {
        $info = @(Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs)
        $info.Count | Should -Be $script:AlertInfo.Count
        @($info | Where-Object Table -ne 'AlertInfo').Count | Should -Be 0
    }

    It 'with a checkpoint, delivers everything once and nothing on the next run' {
        $checkpoint = Join-Path $script:Work 'once.json'
        $first = @(Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint)
        $second = @(Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint)
        Get-SortedAlertIds $first | Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
        $second.Count | Should -Be 0
        $saved = Get-Content -Raw $checkpoint | ConvertFrom-Json
        $saved.api | Should -Be 'StreamingApiEventHubs'
        foreach ($partition in 0..($script:Hub.partitionCount - 1)) {
            $last = ($script:Hub.records | Where-Object partition -eq "$partition" | Measure-Object sequenceNumber -Maximum).Maximum
            $saved.positions."$partition" | Should -Be ($last + 1)
        }
    }

    It 'a run killed mid-pull re-delivers nothing it committed and loses nothing' {
        $checkpoint = Join-Path $script:Work 'killed.json'
        $delivered = Join-Path $script:Work 'killed-delivered.txt'
        $exe = [Environment]::ProcessPath
        $arguments = [System.Collections.Generic.List[string]]::new()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments.Add((Join-Path $PSHOME 'pwsh.dll')) }
        # A slow consumer: each record is written to a file, then the pipeline dawdles, so the kill lands mid-pull.
        $command = "Import-Module '$env:MDESIEM_MODULE_MANIFEST'; Get-DefenderStreamEvent AlertInfo -EventHubConnectionString `$env:MDESIEM_TEST_HUB -Checkpoint '$checkpoint' | " +
            "ForEach-Object { [IO.File]::AppendAllText('$delivered', `$_.AlertId + [Environment]::NewLine); Start-Sleep -Milliseconds 5 }"
        $arguments.AddRange([string[]] @('-NoProfile', '-NonInteractive', '-Command', $command))
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($exe)
        foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
        $startInfo.UseShellExecute = $false
        $startInfo.Environment['MDESIEM_TEST_HUB'] = $script:Cs
        $process = [System.Diagnostics.Process]::Start($startInfo)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(90)
            while (-not $process.HasExited -and [DateTime]::UtcNow -lt $deadline -and
                   (-not (Test-Path $delivered) -or @(Get-Content $delivered).Count -lt ($script:AlertInfo.Count / 2))) {
                Start-Sleep -Milliseconds 50
            }
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.WaitForExit()
        }
        $firstRun = @(Get-Content $delivered)
        $firstRun.Count | Should -BeLessThan $script:AlertInfo.Count -Because 'the run was killed before its end'
        $committed = @{}
        if (Test-Path $checkpoint) {
            $positions = (Get-Content -Raw $checkpoint | ConvertFrom-Json).positions
            if ($positions) { foreach ($p in $positions.PSObject.Properties) { $committed[$p.Name] = [long] $p.Value } }
        }

        $secondRun = @(Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint | ForEach-Object AlertId)
        foreach ($id in $secondRun) {
            $where = $script:EventOf[$id]
            if ($committed.ContainsKey($where.Partition)) {
                $where.Sequence | Should -BeGreaterOrEqual $committed[$where.Partition] -Because "$id was committed by the killed run"
            }
        }
        @($firstRun + $secondRun | Sort-Object -Unique) | Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
        @(Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint).Count | Should -Be 0
    }

    It 'with a checkpoint and -OutFile, writes each record once, and the next run adds nothing' {
        $checkpoint = Join-Path $script:Work 'outfile.json'
        $file = Join-Path $script:Work 'alert-info.jsonl'
        Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint -OutFile $file
        $lengthAfterFirst = (Get-Item $file).Length
        Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint -OutFile $file
        (Get-Item $file).Length | Should -Be $lengthAfterFirst
        $lines = @(Get-Content $file)
        $lines.Count | Should -Be $script:AlertInfo.Count
        @($lines | ForEach-Object { ($_ | ConvertFrom-Json).AlertId } | Sort-Object) |
            Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
        (Get-Content -Raw $checkpoint | ConvertFrom-Json).outputs.PSObject.Properties.Value | Should -Be $lengthAfterFirst
        Test-Path "$checkpoint.outfile" | Should -BeFalse
    }

    It 'with -OutFormat Csv, each AlertInfo record once and the header once across runs' {
        $checkpoint = Join-Path $script:Work 'csv.json'
        $file = Join-Path $script:Work 'all.csv'
        Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint -OutFile $file -OutFormat Csv
        Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Checkpoint $checkpoint -OutFile $file -OutFormat Csv
        $lines = @(Get-Content $file)
        $lines.Count | Should -Be ($script:AlertInfo.Count + 1)
        @($lines | Where-Object { $_ -eq $lines[0] }).Count | Should -Be 1
        @(Import-Csv $file | ForEach-Object AlertId | Sort-Object) |
            Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
    }

    It 'stopped by Select-Object -First inside an event, the next checkpointed run delivers exactly the rest' {
        # Every table: an event holds several records, so the stop lands inside an event for most N.
        $all = @($script:Hub.records | ForEach-Object { "$($_.table)|$($_.record.properties.AlertId)" } | Sort-Object)
        $checkpoint = Join-Path $script:Work 'first.json'
        $taken = @(Get-DefenderStreamEvent -EventHubConnectionString $script:Cs -Checkpoint $checkpoint | Select-Object -First 7)
        $rest = @(Get-DefenderStreamEvent -EventHubConnectionString $script:Cs -Checkpoint $checkpoint)
        $taken.Count | Should -Be 7
        $rest.Count | Should -Be ($all.Count - 7)
        @($taken + $rest | ForEach-Object { "$($_.Table)|$($_.AlertId)" } | Sort-Object) | Should -Be $all
    }

    It 'a checkpointed -OutFile run killed mid-pull leaves a file that the next run completes with every record exactly once' {
        # Every table, so a received batch's lines pass the writer's 64 KB and reach the file before the batch's
        # commit: the kill can leave journaled lines past the checkpoint, which the next run must keep and not repeat.
        $checkpoint = Join-Path $script:Work 'killed-outfile.json'
        $file = Join-Path $script:Work 'killed-outfile.jsonl'
        $seen = Join-Path $script:Work 'killed-outfile-seen.txt'
        $exe = [Environment]::ProcessPath
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($exe)
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $startInfo.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        # -PassThru and a slow consumer, so the kill lands while lines are being written.
        $command = "Import-Module '$env:MDESIEM_MODULE_MANIFEST'; Get-DefenderStreamEvent -EventHubConnectionString `$env:MDESIEM_TEST_HUB -Checkpoint '$checkpoint' -OutFile '$file' -PassThru | " +
            "ForEach-Object { [IO.File]::AppendAllText('$seen', 'x' + [Environment]::NewLine); Start-Sleep -Milliseconds 3 }"
        foreach ($a in @('-NoProfile', '-NonInteractive', '-Command', $command)) { $startInfo.ArgumentList.Add($a) }
        $startInfo.UseShellExecute = $false
        $startInfo.Environment['MDESIEM_TEST_HUB'] = $script:Cs
        $process = [System.Diagnostics.Process]::Start($startInfo)
        $total = @($script:Hub.records).Count
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(90)
            while (-not $process.HasExited -and [DateTime]::UtcNow -lt $deadline -and
                   (-not (Test-Path $seen) -or @(Get-Content $seen).Count -lt ($total * 0.6))) {
                Start-Sleep -Milliseconds 20
            }
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.WaitForExit()
        }
        @(Get-Content $seen).Count | Should -BeLessThan $total -Because 'the run was killed before its end'

        Get-DefenderStreamEvent -EventHubConnectionString $script:Cs -Checkpoint $checkpoint -OutFile $file
        $lines = @(Get-Content $file)
        $lines.Count | Should -Be $total
        @($lines | ForEach-Object { $r = $_ | ConvertFrom-Json; "$($r.Table)|$($r.AlertId)" } | Sort-Object) |
            Should -Be @($script:Hub.records | ForEach-Object { "$($_.table)|$($_.record.properties.AlertId)" } | Sort-Object)
    }

    It 'names a hub the namespace lacks as MdeSiem.NotFound and a wrong key as MdeSiem.Unauthorized' {
        # The namespace's policy signs for any of its entities, so a mistyped EntityPath is "not found", not a
        # credentials failure; only a key that does not sign is refused.
        $otherHub = $script:Cs -replace 'EntityPath=[^;]+', 'EntityPath=no-such-hub'
        $failure = $null
        try { Get-DefenderStreamEvent -EventHubConnectionString $otherHub -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.NotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -Match 'no-such-hub'

        $wrongKey = $script:Cs -replace 'SharedAccessKey=[^;]+', ('SharedAccessKey=' + [Convert]::ToBase64String([byte[]]::new(32)))
        $failure = $null
        try { Get-DefenderStreamEvent -EventHubConnectionString $wrongKey -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.Unauthorized,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'refuses -Until, and never shows the shared access key' {
        $key = ($script:Cs -split ';' | Where-Object { $_ -like 'SharedAccessKey=*' }) -replace '^SharedAccessKey=', ''
        { Get-DefenderStreamEvent -EventHubConnectionString $script:Cs -Until ([datetime]::UtcNow) } |
            Should -Throw -ErrorId 'MdeSiem.InvalidArgument,*'
        $streams = (Get-DefenderStreamEvent AlertInfo -EventHubConnectionString $script:Cs -Verbose *>&1 | Select-Object -Last 3 | Out-String)
        $streams | Should -Not -Match ([regex]::Escape($key))
    }
}

Describe 'Get-DefenderStreamEvent -EventHubNamespace (signed in with the connection''s app)' {
    # The simulated namespace also listens with TLS, as the service does, and takes the bearer tokens its tenant
    # issued for https://eventhubs.azure.net on $cbs: the module signs in with MSAL and never sees a key.
    BeforeAll {
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
    }

    It 'reads every record of every partition once with a token for Event Hubs' {
        $events = @(Get-DefenderStreamEvent -EventHubNamespace $script:Hub.tlsNamespace -EventHubName $script:Hub.hubName)
        $events.Count | Should -Be @($script:Hub.records).Count
        Get-SortedAlertIds @($events | Where-Object Table -eq 'AlertInfo') |
            Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
    }

    It 'with a checkpoint, delivers everything once and nothing on the next run' {
        $checkpoint = Join-Path $script:Work 'namespace.json'
        $first = @(Get-DefenderStreamEvent AlertInfo -EventHubNamespace $script:Hub.tlsNamespace -EventHubName $script:Hub.hubName -Checkpoint $checkpoint)
        $second = @(Get-DefenderStreamEvent AlertInfo -EventHubNamespace $script:Hub.tlsNamespace -EventHubName $script:Hub.hubName -Checkpoint $checkpoint)
        Get-SortedAlertIds $first | Should -Be @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
        $second.Count | Should -Be 0
    }
}

Describe 'Get-DefenderStreamEvent -CheckpointContainer (consumers sharing the hub)' {
    BeforeAll {
        $script:Azurite = Start-MdeSiemAzurite
        # One consumer process; each record's AlertId is appended to its own file as it goes down the pipeline.
        function Start-Consumer([string] $Name, [int] $DelayMs) {
            $out = Join-Path $script:Work "$Name.txt"
            $exe = [Environment]::ProcessPath
            $startInfo = [System.Diagnostics.ProcessStartInfo]::new($exe)
            if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $startInfo.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
            $command = "Import-Module '$env:MDESIEM_MODULE_MANIFEST'; Get-DefenderStreamEvent AlertInfo -EventHubConnectionString `$env:MDESIEM_TEST_HUB " +
                "-CheckpointContainer shared -CheckpointStorageConnectionString `$env:MDESIEM_TEST_STORAGE -LoadBalancingInterval 00:00:01 | " +
                "ForEach-Object { [IO.File]::AppendAllText('$out', `$_.AlertId + [Environment]::NewLine); Start-Sleep -Milliseconds $DelayMs }"
            foreach ($a in @('-NoProfile', '-NonInteractive', '-Command', $command)) { $startInfo.ArgumentList.Add($a) }
            $startInfo.UseShellExecute = $false
            $startInfo.Environment['MDESIEM_TEST_HUB'] = $script:Cs
            $startInfo.Environment['MDESIEM_TEST_STORAGE'] = $script:Azurite.ConnectionString
            [pscustomobject] @{ Process = [System.Diagnostics.Process]::Start($startInfo); Output = $out }
        }
    }

    AfterAll {
        if ($script:Azurite) { Stop-MdeSiemAzurite $script:Azurite }
    }

    It 'three consumer processes, one killed halfway, deliver every record, and only the killed one''s last batch twice' {
        $consumers = @(Start-Consumer 'c1' 20; Start-Consumer 'c2' 2; Start-Consumer 'c3' 2)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(100)
            while (-not $consumers[0].Process.HasExited -and [DateTime]::UtcNow -lt $deadline -and
                   (-not (Test-Path $consumers[0].Output) -or @(Get-Content $consumers[0].Output).Count -lt 10)) {
                Start-Sleep -Milliseconds 50
            }
            if (-not $consumers[0].Process.HasExited) { $consumers[0].Process.Kill($true) }
            foreach ($c in $consumers[1..2]) { $c.Process.WaitForExit(100000) | Out-Null }
        }
        finally {
            foreach ($c in $consumers) { if (-not $c.Process.HasExited) { $c.Process.Kill($true) } }
        }
        $killed = @(if (Test-Path $consumers[0].Output) { Get-Content $consumers[0].Output })
        $others = @($consumers[1..2] | ForEach-Object { if (Test-Path $_.Output) { Get-Content $_.Output } })
        $expected = @($script:AlertInfo | ForEach-Object { $_.record.properties.AlertId } | Sort-Object)
        @($killed + $others | Sort-Object -Unique) | Should -Be $expected
        # The survivors deliver nothing twice between them.
        @($others | Group-Object | Where-Object Count -gt 1).Count | Should -Be 0
        # What was delivered twice was the killed consumer's (its batch in flight when it died).
        foreach ($id in @($killed + $others | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name)) { $killed | Should -Contain $id }
    }
}

