# Get-MdeAlert, Update-MdeAlert and Get-MdeIncident in real pwsh against the simulator program.
# Expected values come from the simulator's --write-alerts file (the SIEM records), grouped by AlertId here: the
# Defender for Endpoint alert of a detection has the AlertId as its id, the first record's severity, title, time and
# device; incidents are the alerts of one device within one six-hour block of AlertTime.
# Every simulator here runs on a clock set with -Now, so no expectation depends on the hour the suite runs at; the
# tests that group or filter by time run at four hours around the six-hour boundaries.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    # Starts a simulator at the clock -Now, connects to it, and returns it with its expected alerts (from its
    # --write-alerts file, not from the module).
    function Start-ExpectedTenant([int] $AlertCount, [int] $Seed, [DateTimeOffset] $Now) {
        $alertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-mde-alerts-$([guid]::NewGuid()).json"
        $simulator = Start-MdeSiemSimulator -AlertCount $AlertCount -Seed $Seed -AlertsFile $alertsFile -Now $Now -Configuration $env:MDESIEM_BUILD_CONFIGURATION
        try { $records = Get-Content -Raw $alertsFile | ConvertFrom-Json -DateKind String }
        finally { Remove-Item $alertsFile -ErrorAction SilentlyContinue }
        $secret = ConvertTo-SecureString $simulator.clientSecret -AsPlainText -Force
        $connection = Connect-MdeSiem -TenantId $simulator.tenantId -ClientId $simulator.clientId -ClientSecret $secret `
            -EndpointUri $simulator.baseUri -SkipCertificateCheck -PassThru
        [pscustomobject]@{ Simulator = $simulator; Connection = $connection; Expected = @(ConvertTo-ExpectedMdeAlert $records) }
    }

    function ConvertTo-ExpectedMdeAlert($records) {
    $sixHours = [TimeSpan]::FromHours(6).Ticks
    @($records | Group-Object AlertId | ForEach-Object {
        $first = $_.Group[0]
        $time = [DateTime]::Parse($first.AlertTime, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AdjustToUniversal)
        [pscustomobject]@{
            Id              = $_.Name
            Severity        = $first.Severity
            Title           = $first.AlertTitle
            AlertTime       = $time
            DetectionSource = switch ($first.Source) {
                'EDR' { 'WindowsDefenderAtp' } 'Antivirus' { 'WindowsDefenderAv' } 'SmartScreen' { 'WindowsDefenderSmartScreen' }
                'CustomTI' { 'CustomerTI' } 'CustomDetection' { 'CustomDetection' } default { '' }
            }
            MachineId       = $first.DeviceID
            ComputerDnsName = $first.ComputerDnsName
            IncidentKey     = '{0}:{1}' -f $first.DeviceID, [Math]::Floor($time.Ticks / $sixHours)
            IpAddresses     = @($_.Group | ForEach-Object IpAddress | Where-Object { $_ } | Sort-Object -Unique)
        }
    })
    }

    $script:Tenant = Start-ExpectedTenant -AlertCount 3000 -Seed 29 -Now ([DateTimeOffset]::Parse('2026-06-01T09:30:00Z', [Globalization.CultureInfo]::InvariantCulture))
    $script:Simulator = $script:Tenant.Simulator
    $script:Expected = $script:Tenant.Expected
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Get-MdeAlert' {
    It 'warns once per session that the API retires, pointing to Get-DefenderAlert' {
        # A fresh session: other test files in this process may have been warned already.
        $simulator = $script:Simulator
        $command = "Import-Module '$env:MDESIEM_MODULE_MANIFEST'; " +
            "Connect-MdeSiem -TenantId '$($simulator.tenantId)' -ClientId '$($simulator.clientId)' -ClientSecret (ConvertTo-SecureString '$($simulator.clientSecret)' -AsPlainText -Force) -EndpointUri '$($simulator.baseUri)' -SkipCertificateCheck | Out-Null; " +
            "`$first = Get-MdeAlert -Top 1 3>&1 | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] }; " +
            "`$second = Get-MdeAlert -Top 1 3>&1 | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] }; " +
            "'first=' + `$first; 'second=' + @(`$second).Count"
        $text = (Invoke-MdeSiemChildPwsh @('-Command', $command)) -join "`n"

        $text | Should -Match 'first=.*Get-DefenderAlert' -Because $text
        $text | Should -Match 'first=.*MC1220762'
        $text | Should -Match 'second=0'
    }

    It 'lists every alert once with -All, paging by $skip' {
        $ids = @(Get-MdeAlert -All -Top 300 | ForEach-Object Id)
        $script:Expected.Count | Should -BeGreaterThan 1000
        $ids.Count | Should -Be $script:Expected.Count
        @($ids | Sort-Object -Unique).Count | Should -Be $script:Expected.Count
    }

    It 'agrees with the SIEM record and the Graph alert of the same detection' {
        $sample = $script:Expected[[int]($script:Expected.Count / 3)]
        $alert = Get-MdeAlert -Id $sample.Id -IncludeEvidence
        $graph = Get-DefenderAlert -Id $sample.Id
        $alert.Title | Should -Be $sample.Title
        $alert.Title | Should -Be $graph.Title
        $alert.SeverityValue | Should -Be $sample.Severity
        $alert.SeverityValue.ToLowerInvariant() | Should -Be $graph.SeverityValue
        $alert.DetectionSource | Should -Be $sample.DetectionSource
        $alert.AlertCreationTime | Should -Be $sample.AlertTime
        $alert.AlertCreationTime | Should -Be $graph.CreatedDateTime
        $alert.LastUpdateTime | Should -Be $graph.LastUpdateDateTime
        $alert.MachineId | Should -Be $sample.MachineId
        $alert.ComputerDnsName | Should -Be $sample.ComputerDnsName
        "$($alert.IncidentId)" | Should -Be $graph.IncidentId
        @($alert.Evidence | Where-Object EntityType -eq 'Ip' | ForEach-Object IpAddress | Sort-Object) | Should -Be $sample.IpAddresses
    }

    It 'refuses a filter on a property the service cannot filter with MdeSiem.BadRequest' {
        { Get-MdeAlert -Filter "title eq 'x'" -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.BadRequest,*'
    }

    It 'feeds Export-Csv and ConvertTo-Json, and shows a table by default' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-mde-$([guid]::NewGuid()).csv"
        try {
            Get-MdeAlert -Top 25 | Select-Object Id, AlertCreationTime, SeverityValue, Title | Export-Csv $csv -NoTypeInformation
            $rows = @(Import-Csv $csv)
            $rows.Count | Should -Be 25
            $rows[0].Id | Should -BeIn $script:Expected.Id
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }

        $json = Get-MdeAlert -Top 2 -IncludeEvidence | ConvertTo-Json -Depth 6 | ConvertFrom-Json
        $json.Count | Should -Be 2
        $json[0].Evidence.Count | Should -BeGreaterThan 0
        (Get-MdeAlert -Top 3 | Out-String) | Should -Match 'AlertCreationTime'
    }
}

Describe 'Update-MdeAlert' {
    It 'changes nothing with -WhatIf' {
        $id = $script:Expected[5].Id
        $verbose = Update-MdeAlert -Id $id -Status Resolved -Comment 'nope' -WhatIf -Verbose 4>&1 | ForEach-Object { "$_" }
        ($verbose -join "`n") | Should -Not -Match 'PATCH'
        $alert = Get-MdeAlert -Id $id
        $alert.StatusValue | Should -Be 'New'
        @($alert.Comments).Count | Should -Be 0
    }

    It 'round-trips an update from the pipeline and Graph sees it' {
        $id = $script:Expected[6].Id
        $updated = Get-MdeAlert -Id $id | Update-MdeAlert -Status Resolved -Classification TruePositive -Determination Malware -Comment 'contained' -PassThru -Confirm:$false
        $updated.StatusValue | Should -Be 'Resolved'
        $alert = Get-MdeAlert -Id $id
        $alert.Status | Should -Be 'Resolved'
        $alert.ClassificationValue | Should -Be 'TruePositive'
        $alert.DeterminationValue | Should -Be 'Malware'
        $alert.Comments.Comment | Should -Be 'contained'
        (Get-DefenderAlert -Id $id).StatusValue | Should -Be 'resolved'
    }
}

Describe 'Get-MdeIncident' {
    It 'finds the incident of an alert from the pipeline, with its devices and entities' {
        $sample = $script:Expected[9]
        $incident = Get-MdeAlert -Id $sample.Id | Get-MdeIncident
        $incident.Alerts.AlertId | Should -Contain $sample.Id
        @($incident.Alerts | ForEach-Object { $_.Devices } | ForEach-Object MdatpDeviceId | Sort-Object -Unique) | Should -Be $sample.MachineId
        ($incident | Out-String) | Should -Match 'IncidentName'
    }
}

Describe 'Defender API alerts and incidents by time, with the clock at <Now>' -ForEach @(
    @{ Now = '2026-06-01T00:00:00Z' }, @{ Now = '2026-06-01T05:59:00Z' }, @{ Now = '2026-06-01T06:00:00Z' }, @{ Now = '2026-06-01T23:59:00Z' }
) {
    BeforeAll {
        $clocked = Start-ExpectedTenant -AlertCount 1200 -Seed 37 -Now ([DateTimeOffset]::Parse($Now, [Globalization.CultureInfo]::InvariantCulture))
        $simulator = $clocked.Simulator
        $connection = $clocked.Connection
        $expected = $clocked.Expected
        # An incident is created with its first alert.
        $incidents = @($expected | Group-Object IncidentKey | ForEach-Object { [pscustomobject]@{ Key = $_.Name; Created = ($_.Group | Measure-Object AlertTime -Minimum).Minimum } })
    }

    AfterAll {
        if ($simulator) { Stop-MdeSiemSimulator $simulator }
    }

    It 'filters alerts by severity, detection source and creation time on the service' {
        $since = ($expected | Sort-Object AlertTime)[[int]($expected.Count / 2)].AlertTime
        $want = @($expected | Where-Object { $_.Severity -in 'High', 'Medium' -and $_.DetectionSource -eq 'WindowsDefenderAv' -and $_.AlertTime -ge $since } | ForEach-Object Id | Sort-Object)
        $got = @(Get-MdeAlert -Connection $connection -Severity High, Medium -DetectionSource WindowsDefenderAv -CreatedAfter $since -All -Top 50 | ForEach-Object Id | Sort-Object)
        $want.Count | Should -BeGreaterThan 0
        $got | Should -Be $want
    }

    It 'groups every alert into exactly one incident (device and six-hour block), paging by 100' {
        $got = @(Get-MdeIncident -Connection $connection -All)
        $got.Count | Should -Be $incidents.Count
        @($got | ForEach-Object { $_.Alerts } | ForEach-Object AlertId | Sort-Object) | Should -Be @($expected.Id | Sort-Object)
    }

    It 'filters incidents on creation time: an incident is created with its first alert' {
        # The median creation time of the incidents themselves: half of them start after it at any hour.
        $since = ($incidents | Sort-Object Created)[[int]($incidents.Count / 2)].Created
        $want = @($incidents | Where-Object Created -ge $since).Count
        $got = @(Get-MdeIncident -Connection $connection -CreatedAfter $since -All -Top 10)
        $want | Should -BeGreaterThan 10
        $got.Count | Should -Be $want
    }
}
