# Invoke-DefenderHuntingQuery in real pwsh against the simulator program (results cut at 25 rows). Expected values
# come from the simulator's --write-alerts file: one AlertInfo row per AlertId, stamped with the alert's AlertTime.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-hunting-alerts-$([guid]::NewGuid()).json"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -Seed 37 -HuntingRowLimit 25 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck

    $records = Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String
    $script:Alerts = @($records | Group-Object AlertId | ForEach-Object {
            $first = $_.Group[0]
            [pscustomobject]@{
                AlertId   = $_.Name
                Title     = $first.AlertTitle
                Timestamp = [datetime]::Parse($first.AlertTime, [cultureinfo]::InvariantCulture, [Globalization.DateTimeStyles]'AdjustToUniversal, AssumeUniversal')
            }
        })
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item $script:AlertsFile -ErrorAction SilentlyContinue
}

Describe 'Invoke-DefenderHuntingQuery' {
    It 'writes typed rows equal to the alerts asked for' {
        $picked = $script:Alerts | Select-Object -First 3
        $ids = ($picked.AlertId | ForEach-Object { "'$_'" }) -join ', '
        $rows = @(Invoke-DefenderHuntingQuery "AlertInfo | where AlertId in ($ids) | project Timestamp, AlertId, Title")
        $rows.Count | Should -Be 3
        foreach ($row in $rows) {
            $expected = $picked | Where-Object AlertId -EQ $row.AlertId
            $row.Title | Should -Be $expected.Title
            $row.Timestamp | Should -BeOfType [datetime]
            $row.Timestamp.Kind | Should -Be 'Utc'
            $row.Timestamp | Should -Be $expected.Timestamp
            $row.PSObject.TypeNames[0] | Should -Be 'MdeSiem.HuntingRow'
            @($row.PSObject.Properties.Name) | Should -Be @('Timestamp', 'AlertId', 'Title')
        }
    }

    It 'counts as the ground truth does, with a long count' {
        $row = Invoke-DefenderHuntingQuery 'AlertInfo | summarize count()'
        $row.count_ | Should -BeOfType [long]
        $row.count_ | Should -Be $script:Alerts.Count
    }

    It 'writes the schema first with -IncludeSchema' {
        $output = @(Invoke-DefenderHuntingQuery 'AlertInfo | project Timestamp, AlertId | take 2' -IncludeSchema)
        $output.Count | Should -Be 3
        $output[0].GetType().Name | Should -Be 'HuntingSchema'
        $output[0].Columns.Name | Should -Be @('Timestamp', 'AlertId')
        $output[0].Columns.Type | Should -Be @('DateTime', 'String')
    }

    It 'reports a result cut at the row limit as MdeSiem.HuntingResultTruncated' {
        $rows = @(Invoke-DefenderHuntingQuery 'AlertInfo | project AlertId' -RowLimit 25 -ErrorVariable cut -ErrorAction SilentlyContinue)
        $rows.Count | Should -Be 25
        $cut.Count | Should -Be 1
        $cut[0].FullyQualifiedErrorId | Should -BeLike 'MdeSiem.HuntingResultTruncated*'
        $cut[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'reads a long range completely with -SplitBy, each row once' {
        $start = ($script:Alerts.Timestamp | Measure-Object -Minimum).Minimum
        $end = (($script:Alerts.Timestamp | Measure-Object -Maximum).Maximum).AddSeconds(1)
        $rows = @(Invoke-DefenderHuntingQuery 'AlertInfo | project Timestamp, AlertId' -Start $start -End $end -SplitBy (New-TimeSpan -Hours 3) -RowLimit 25 -ErrorVariable cut)
        $cut.Count | Should -Be 0
        @($rows.AlertId | Sort-Object) | Should -Be @($script:Alerts.AlertId | Sort-Object)
    }

    It 'runs queries from the pipeline and from a file' {
        @('AlertInfo | take 2', 'AlertInfo | take 3' | Invoke-DefenderHuntingQuery).Count | Should -Be 5
        $file = Join-Path $TestDrive 'query.kql'
        Set-Content -Path $file -Value "AlertInfo`n| take 4"
        @(Invoke-DefenderHuntingQuery -Path $file).Count | Should -Be 4
    }

    It 'reports a query the service refuses as MdeSiem.BadRequest with its message' {
        { Invoke-DefenderHuntingQuery 'NoSuchTable | take 1' -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.BadRequest*' -ExpectedMessage '*NoSuchTable*'
    }

    It 'exports rows as they are with Export-Csv' {
        $csv = Join-Path $TestDrive 'rows.csv'
        Invoke-DefenderHuntingQuery 'AlertInfo | project AlertId, Title | take 5' | Export-Csv -Path $csv -NoTypeInformation
        $back = @(Import-Csv $csv)
        $back.Count | Should -Be 5
        @($back[0].PSObject.Properties.Name) | Should -Be @('AlertId', 'Title')
    }
}

Describe 'A SOC script closes the loop' {
    It 'triages alerts, closes their incident with a comment and hunts for its evidence, in one session' {
        $incident = Get-DefenderIncident -Top 1 -ExpandAlerts
        $incident.Alerts | Update-DefenderAlert -Status Resolved -Classification TruePositive -Determination Malware -Confirm:$false
        $incident | Update-DefenderIncident -Status Resolved -Classification TruePositive -Determination Malware -Comment 'Closed by the SOC script.' -Confirm:$false
        $alertId = $incident.Alerts[0].Id
        $evidence = @(Invoke-DefenderHuntingQuery "AlertEvidence | where AlertId == '$alertId' | project Timestamp, AlertId, EntityType")

        $closed = Get-DefenderIncident -Id $incident.Id -ExpandAlerts
        $closed.Status | Should -Be 'Resolved'
        $closed.Comments.Comment | Should -Be 'Closed by the SOC script.'
        @($closed.Alerts | Where-Object Status -NE 'Resolved').Count | Should -Be 0
        $evidence.Count | Should -BeGreaterThan 0
        $evidence.AlertId | Select-Object -Unique | Should -Be $alertId
    }
}
