# Get-DefenderStreamEvent end to end: the real module (dependencies in their private load context on PowerShell 7)
# reads Azurite, started here on a free loopback port, into which the simulator program wrote its detections as the
# Streaming API's storage export. Expected values come from the simulator's own alerts file (the SIEM records the
# export was made from), never from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $script:Azurite = Start-MdeSiemAzurite
    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-stream-alerts-$([guid]::NewGuid()).json"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 250 -Seed 17 -AlertsFile $script:AlertsFile `
        -StreamExportConnectionString $script:Azurite.ConnectionString -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $script:Records = Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String -NoEnumerate
    $script:Cs = $script:Azurite.ConnectionString
    $script:StateDir = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-stream-state-$([guid]::NewGuid())"
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    if ($script:Azurite) { Stop-MdeSiemAzurite $script:Azurite }
    Remove-Item -Force -ErrorAction SilentlyContinue $script:AlertsFile
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:StateDir
}

Describe 'Get-DefenderStreamEvent against Azurite' {
    It 'reads one DeviceEvents record per SIEM record, in order, as plain objects with the columns' {
        $events = @(Get-DefenderStreamEvent -EventType DeviceEvents -ConnectionString $script:Cs)
        $events.Count | Should -Be $script:Records.Count
        ($events | ForEach-Object { ($_.AdditionalFields | ConvertFrom-Json).IocUniqueId }) |
            Should -Be @($script:Records | ForEach-Object IocUniqueId)
        $events[0].PSObject.TypeNames[0] | Should -Be 'MdeSiem.StreamingEvent#DeviceEvents'
        $events[0].Table | Should -Be 'DeviceEvents'
        $events[0].DeviceName | Should -Be $script:Records[0].ComputerDnsName
        $events[0].Timestamp | Should -BeOfType [datetime]
        $events[0].Timestamp.Kind | Should -Be 'Utc'
    }

    It 'types AlertInfo rows, one per alert, with a table view' {
        $alerts = @(Get-DefenderStreamEvent AlertInfo -ConnectionString $script:Cs)
        $alerts.Count | Should -Be @($script:Records | Select-Object -ExpandProperty AlertId -Unique).Count
        $alerts[0].PSObject.TypeNames[0] | Should -Be 'MdeSiem.Core.StreamingApi.AlertInfoEvent'
        ($alerts | ForEach-Object AlertId) | Should -Be @($script:Records | Where-Object AlertPart -eq 0 | ForEach-Object AlertId)
        $table = $alerts | Select-Object -First 3 | Format-Table | Out-String -Width 250
        $table | Should -Match 'DetectionSource'
        $table | Should -Match ([regex]::Escape($alerts[0].AlertId))
    }

    It 'types AlertEvidence rows and exports them with Export-Csv' {
        $evidence = @(Get-DefenderStreamEvent AlertEvidence -ConnectionString $script:Cs)
        $evidence[0].PSObject.TypeNames[0] | Should -Be 'MdeSiem.Core.StreamingApi.AlertEvidenceEvent'
        @($evidence | Where-Object EntityType -eq 'Machine').Count | Should -Be @($script:Records | Where-Object AlertPart -eq 0).Count
        $csv = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-evidence-$([guid]::NewGuid()).csv"
        try {
            $evidence | Export-Csv -Path $csv
            (Import-Csv $csv).Count | Should -Be $evidence.Count
        }
        finally { Remove-Item -Force -ErrorAction SilentlyContinue $csv }
    }

    It 'with a checkpoint, delivers everything once and nothing on the next run' {
        $env:MDESIEM_STATE_DIR = $script:StateDir
        try {
            $first = @(Get-DefenderStreamEvent DeviceEvents -ConnectionString $script:Cs -Checkpoint 'pester-stream')
            $second = @(Get-DefenderStreamEvent DeviceEvents -ConnectionString $script:Cs -Checkpoint 'pester-stream')
        }
        finally { Remove-Item Env:MDESIEM_STATE_DIR }
        $first.Count | Should -Be $script:Records.Count
        $second.Count | Should -Be 0
    }

    It 'stopped by Select-Object -First with a checkpoint, counts the record it took: the next run delivers exactly the rest' {
        $env:MDESIEM_STATE_DIR = $script:StateDir
        try {
            $taken = @(Get-DefenderStreamEvent DeviceEvents -ConnectionString $script:Cs -Checkpoint 'pester-first' | Select-Object -First 7)
            $rest = @(Get-DefenderStreamEvent DeviceEvents -ConnectionString $script:Cs -Checkpoint 'pester-first')
        }
        finally { Remove-Item Env:MDESIEM_STATE_DIR }
        $taken.Count | Should -Be 7
        $rest.Count | Should -Be ($script:Records.Count - 7)
        (@($taken) + @($rest) | ForEach-Object { ($_.AdditionalFields | ConvertFrom-Json).IocUniqueId }) |
            Should -Be @($script:Records | ForEach-Object IocUniqueId)
    }

    It 'with a checkpoint and -OutFile, writes each record once as a JSON line, and the next run adds nothing' {
        $file = Join-Path $script:StateDir 'device-events.jsonl'
        $env:MDESIEM_STATE_DIR = $script:StateDir
        try {
            $piped = @(Get-DefenderStreamEvent DeviceEvents -ConnectionString $script:Cs -Checkpoint 'pester-outfile' -OutFile $file)
            $lengthAfterFirst = (Get-Item $file).Length
            Get-DefenderStreamEvent DeviceEvents -ConnectionString $script:Cs -Checkpoint 'pester-outfile' -OutFile $file
        }
        finally { Remove-Item Env:MDESIEM_STATE_DIR }
        $piped.Count | Should -Be 0 -Because 'without -PassThru the records go to the file only'
        (Get-Item $file).Length | Should -Be $lengthAfterFirst
        $lines = @(Get-Content $file)
        $lines.Count | Should -Be $script:Records.Count
        ($lines | ForEach-Object { (($_ | ConvertFrom-Json).AdditionalFields | ConvertFrom-Json).IocUniqueId }) |
            Should -Be @($script:Records | ForEach-Object IocUniqueId)
        ($lines[0] | ConvertFrom-Json).Table | Should -Be 'DeviceEvents'
        # The checkpoint records the file and the length it covers; the journal is gone once it does.
        $checkpoint = Join-Path $script:StateDir 'checkpoints/pester-outfile.json'
        (Get-Content -Raw $checkpoint | ConvertFrom-Json).outputs.PSObject.Properties.Value | Should -Be (Get-Item $file).Length
        Test-Path "$checkpoint.outfile" | Should -BeFalse
    }

    It 'writes CSV with -OutFormat Csv: the header once across runs, and -PassThru also writes the objects' {
        $file = Join-Path $script:StateDir 'alert-info.csv'
        $env:MDESIEM_STATE_DIR = $script:StateDir
        try {
            $passed = @(Get-DefenderStreamEvent AlertInfo -ConnectionString $script:Cs -Checkpoint 'pester-csv' -OutFile $file -OutFormat Csv -PassThru)
            Get-DefenderStreamEvent AlertInfo -ConnectionString $script:Cs -Checkpoint 'pester-csv' -OutFile $file -OutFormat Csv
        }
        finally { Remove-Item Env:MDESIEM_STATE_DIR }
        $expected = @($script:Records | Where-Object AlertPart -eq 0 | ForEach-Object AlertId)
        $passed.Count | Should -Be $expected.Count
        $lines = @(Get-Content $file)
        $lines.Count | Should -Be ($expected.Count + 1)
        @($lines | Where-Object { $_ -eq $lines[0] }).Count | Should -Be 1
        (Import-Csv $file | ForEach-Object AlertId) | Should -Be $expected
    }

    It 'logs each blob request to -Verbose with method, path and status, and never the account key' {
        $verbose = @(Get-DefenderStreamEvent AlertInfo -ConnectionString $script:Cs -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        @($verbose | Where-Object { $_ -match '^GET http://127\.0\.0\.1:\d+/devstoreaccount1/insights-logs-advancedhunting-alertinfo.* -> 200 ' }).Count | Should -BeGreaterThan 0
        ($verbose -join "`n") | Should -Not -Match ([regex]::Escape($script:Azurite.AccountKey))
        ($verbose -join "`n") | Should -Not -Match '\?'
    }

    It 'reports a table that is not exported as MdeSiem.NotFound without showing the account key' {
        $streams = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try {
            Get-DefenderStreamEvent DeviceLogonEvents -ConnectionString $script:Cs -Verbose *>&1 | ForEach-Object { $streams.Add($_) }
        }
        catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.NotFound,*'
        $all = ($streams | Out-String) + ($failure | Out-String) + $failure.Exception.ToString() + $failure.ErrorDetails.Message
        $all | Should -Match 'devstoreaccount1'
        $all | Should -Not -Match ([regex]::Escape($script:Azurite.AccountKey))
    }
}
