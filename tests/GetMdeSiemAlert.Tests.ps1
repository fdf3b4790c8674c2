# Get-MdeSiemAlert end to end: the real module in real pwsh against the simulated tenant started as a program.
# Expected values come from the file the simulator wrote, never from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-alerts-$([guid]::NewGuid()).json"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -Seed 7 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck

    # The simulator's own record of every detection it serves, read without the module.
    $script:Expected = Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String -NoEnumerate
    function ConvertTo-UtcTime([string] $Text) {
        [DateTime]::Parse($Text, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime()
    }
    $script:ConvertTime = ${function:ConvertTo-UtcTime}

    # The N most recent detections of the default window (the last two hours), by LastProcessedTimeUtc.
    function Get-ExpectedMostRecent([int] $Count) {
        $windowStart = [DateTime]::UtcNow.AddHours(-2)
        $script:Expected |
            Where-Object { (ConvertTo-UtcTime $_.LastProcessedTimeUtc) -ge $windowStart } |
            Sort-Object { ConvertTo-UtcTime $_.LastProcessedTimeUtc } |
            Select-Object -Last $Count
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Force -ErrorAction SilentlyContinue $script:AlertsFile
}

Describe 'Get-MdeSiemAlert -Limit 20' {
    BeforeAll {
        $script:Pulled = @(Get-MdeSiemAlert -Limit 20 -WarningAction SilentlyContinue)
        $script:ExpectedRecent = @(Get-ExpectedMostRecent 20)
    }

    It 'returns the 20 most recent detections' {
        $script:Pulled.Count | Should -Be 20
        ($script:Pulled.FullId | Sort-Object) | Should -Be ($script:ExpectedRecent.FullId | Sort-Object)
    }

    It 'emits typed MdeSiemAlert objects' {
        $script:Pulled | ForEach-Object { $_.GetType().FullName | Should -Be 'MdeSiem.Core.Siem.MdeSiemAlert' }
        $script:Pulled[0].AlertTime.Kind | Should -Be 'Utc'
        $script:Pulled[0].LastProcessedTimeUtc.Kind | Should -Be 'Utc'
        $script:Pulled[0].AlertPart | Should -BeOfType [int]
    }

    It 'matches the simulator''s record field by field' {
        $byId = @{}
        $script:Pulled | ForEach-Object { $byId[$_.FullId] = $_ }
        foreach ($expected in $script:ExpectedRecent) {
            $actual = $byId[$expected.FullId]
            foreach ($field in $expected.PSObject.Properties) {
                $value = $actual.($field.Name)
                switch ($field.Name) {
                    { $_ -in 'AlertTime', 'LastProcessedTimeUtc' } {
                        $value | Should -Be (& $script:ConvertTime $field.Value) -Because "$($expected.FullId).$($field.Name)"
                    }
                    default {
                        # The module documents that the service's empty strings arrive as null.
                        $want = if ($field.Value -is [string] -and $field.Value -eq '') { $null } else { $field.Value }
                        $value | Should -Be $want -Because "$($expected.FullId).$($field.Name)"
                    }
                }
            }
        }
    }

    It 'goes through Export-Csv with the service''s columns and values' {
        $csv = Join-Path $TestDrive 'alerts.csv'
        $script:Pulled | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be 20
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($field in $script:ExpectedRecent[0].PSObject.Properties.Name) { $columns | Should -Contain $field }
        $rowsById = @{}
        $rows | ForEach-Object { $rowsById[$_.FullId] = $_ }
        foreach ($expected in $script:ExpectedRecent) {
            $row = $rowsById[$expected.FullId]
            $row.AlertTitle | Should -Be $expected.AlertTitle
            $row.CommandLine | Should -Be ([string]$expected.CommandLine)
            $row.FilePath | Should -Be ([string]$expected.FilePath)
            $row.AlertPart | Should -Be ([string]$expected.AlertPart)
        }
    }

    It 'goes through ConvertTo-Json with UTC ISO times and the same values' {
        $json = $script:Pulled | ConvertTo-Json -Depth 3
        $roundTrip = $json | ConvertFrom-Json -DateKind String
        $byId = @{}
        $script:ExpectedRecent | ForEach-Object { $byId[$_.FullId] = $_ }
        foreach ($item in $roundTrip) {
            $expected = $byId[$item.FullId]
            $item.LastProcessedTimeUtc | Should -Match 'Z$'
            (& $script:ConvertTime $item.LastProcessedTimeUtc) | Should -Be (& $script:ConvertTime $expected.LastProcessedTimeUtc)
            $item.Sha1 | Should -Be $(if ($expected.Sha1 -eq '') { $null } else { $expected.Sha1 })
        }
    }
}

Describe 'Get-MdeSiemAlert time windows' {
    It 'returns exactly the detections between -SinceTimeUtc and -UntilTimeUtc' {
        $times = $script:Expected | ForEach-Object { & $script:ConvertTime $_.LastProcessedTimeUtc } | Sort-Object
        $since = $times[50]
        $until = $times[120]
        $want = @($script:Expected | Where-Object {
                $t = & $script:ConvertTime $_.LastProcessedTimeUtc
                $t -ge $since -and $t -lt $until
            })
        $got = @(Get-MdeSiemAlert -SinceTimeUtc $since -UntilTimeUtc $until -WarningAction SilentlyContinue)
        ($got.FullId | Sort-Object) | Should -Be ($want.FullId | Sort-Object)
    }

    It 'accepts a local time and sends it as UTC' {
        $times = $script:Expected | ForEach-Object { & $script:ConvertTime $_.LastProcessedTimeUtc } | Sort-Object
        $sinceUtc = $times[200]
        $viaLocal = @(Get-MdeSiemAlert -SinceTimeUtc $sinceUtc.ToLocalTime() -WarningAction SilentlyContinue)
        $viaUtc = @(Get-MdeSiemAlert -SinceTimeUtc $sinceUtc -WarningAction SilentlyContinue)
        $viaLocal.Count | Should -BeGreaterThan 0
        $viaLocal.FullId | Should -Be $viaUtc.FullId
    }
}

Describe 'Get-MdeSiemAlert errors and warnings' {
    It 'warns once per session that the SIEM API is deprecated' {
        $script = {
            param($manifest, $facts)
            Import-Module $manifest
            $secret = ConvertTo-SecureString $facts.clientSecret -AsPlainText -Force
            Connect-MdeSiem -TenantId $facts.tenantId -ClientId $facts.clientId -ClientSecret $secret -EndpointUri $facts.baseUri -SkipCertificateCheck
            $first = @(); $second = @()
            Get-MdeSiemAlert -Limit 1 -WarningVariable first | Out-Null
            Get-MdeSiemAlert -Limit 1 -WarningVariable second | Out-Null
            [pscustomobject]@{ First = $first.Count; Second = $second.Count; Text = "$first" }
        }
        $ps = [PowerShell]::Create()
        $result = $ps.AddScript($script).AddArgument($env:MDESIEM_MODULE_MANIFEST).AddArgument($script:Simulator).Invoke()
        $ps.Dispose()
        $result[0].First | Should -Be 1
        $result[0].Second | Should -Be 0
        $result[0].Text | Should -Match 'Get-DefenderAlert'
    }

    It 'refuses -Ago with -SinceTimeUtc before sending anything' {
        { Get-MdeSiemAlert -Ago (New-TimeSpan -Minutes 10) -SinceTimeUtc (Get-Date) -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,MdeSiem.Commands.GetMdeSiemAlertCommand'
    }

    It 'refuses -UntilTimeUtc earlier than -SinceTimeUtc with InvalidArgument' {
        $err = { Get-MdeSiemAlert -SinceTimeUtc (Get-Date) -UntilTimeUtc (Get-Date).AddHours(-1) -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.InvalidArgument,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses -Limit 0' {
        { Get-MdeSiemAlert -Limit 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MdeSiem.Commands.GetMdeSiemAlertCommand'
    }

    It 'says to run Connect-MdeSiem when not connected' {
        $ps = [PowerShell]::Create()
        $null = $ps.AddScript({
                param($manifest)
                Import-Module $manifest
                try { Get-MdeSiemAlert -Limit 1 -ErrorAction Stop } catch { $_ }
            }).AddArgument($env:MDESIEM_MODULE_MANIFEST)
        $record = $ps.Invoke()[0]
        $ps.Dispose()
        $record.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.NotConnected,*'
        $record.ErrorDetails.RecommendedAction | Should -Match 'Connect-MdeSiem'
    }
}

Describe 'Get-MdeSiemAlert -Checkpoint' {
    It 'delivers everything once, then nothing new on the next run' {
        $path = Join-Path $TestDrive 'siem-checkpoint.json'
        $since = [DateTime]::UtcNow.AddHours(-7)
        $first = @(Get-MdeSiemAlert -Checkpoint $path -SinceTimeUtc $since -AvailabilityLag 0 -WarningAction SilentlyContinue)
        $second = @(Get-MdeSiemAlert -Checkpoint $path -AvailabilityLag 0 -WarningAction SilentlyContinue)

        ($first.FullId | Sort-Object) | Should -Be ($script:Expected.FullId | Sort-Object)
        $second.Count | Should -Be 0
        $saved = Get-Content -Raw $path | ConvertFrom-Json
        $saved.format | Should -Be 'MdeSiem.Checkpoint'
        $saved.version | Should -Be 1
        "$path.lock" | Should -Not -Exist
    }

    It 'counts what Select-Object -First took before it stopped the run, so the next run repeats nothing' {
        $path = Join-Path $TestDrive 'siem-first.json'
        $since = [DateTime]::UtcNow.AddHours(-7)
        $taken = @(Get-MdeSiemAlert -Checkpoint $path -SinceTimeUtc $since -AvailabilityLag 0 -WarningAction SilentlyContinue | Select-Object -First 7)
        # The same command line, as a scheduled script runs it: the first run wrote no watermark, only what it delivered.
        $rest = @(Get-MdeSiemAlert -Checkpoint $path -SinceTimeUtc $since -AvailabilityLag 0 -WarningAction SilentlyContinue)

        $taken.Count | Should -Be 7
        (@($taken.FullId) + @($rest.FullId) | Sort-Object) | Should -Be ($script:Expected.FullId | Sort-Object)
    }

    It 'refuses a damaged checkpoint with MdeSiem.CheckpointCorrupt and leaves it untouched' {
        $path = Join-Path $TestDrive 'damaged.json'
        Set-Content -Path $path -Value 'garbage'
        $err = { Get-MdeSiemAlert -Checkpoint $path -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MdeSiem.CheckpointCorrupt,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        (Get-Content -Raw $path).Trim() | Should -Be 'garbage'
    }
}
