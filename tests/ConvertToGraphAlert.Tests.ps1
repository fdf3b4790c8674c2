# ConvertTo-GraphAlert and ConvertTo-MdeSiemAlert in real pwsh against the simulator program. Expected values come
# from the simulator: its --write-alerts file (the SIEM records in the API's bytes) and its Graph endpoint, which
# builds alerts from the same records by its own implementation of the mapping table.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-convert-alerts-$([guid]::NewGuid()).json"
    $script:CsvFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-convert-export-$([guid]::NewGuid()).csv"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 800 -Seed 29 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck

    $script:Raw = @(Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String)
    $script:AlertIds = @($script:Raw | ForEach-Object AlertId | Sort-Object -Unique)
    $script:Since = [datetime]::UtcNow.AddHours(-7)
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    foreach ($file in $script:AlertsFile, $script:CsvFile) { if ($file) { Remove-Item $file -ErrorAction SilentlyContinue } }
}

Describe 'Get-MdeSiemAlert | ConvertTo-GraphAlert' {
    BeforeAll {
        $script:Converted = @(Get-MdeSiemAlert -SinceTimeUtc $script:Since -WarningAction SilentlyContinue | ConvertTo-GraphAlert)
        $script:Live = @{}
        Get-DefenderAlert -All | ForEach-Object { $script:Live[$_.Id] = $_ }
    }

    It 'writes one Graph alert per AlertId' {
        @($script:Converted | ForEach-Object Id | Sort-Object) | Should -Be $script:AlertIds
    }

    It 'agrees with the Graph endpoint on the alert-level rows' {
        foreach ($alert in $script:Converted) {
            $live = $script:Live[$alert.Id]
            foreach ($name in 'Title', 'Category', 'SeverityValue', 'DetectionSourceValue', 'ServiceSourceValue', 'AlertWebUrl',
                'IncidentWebUrl', 'DetectorId', 'ThreatFamilyName', 'ThreatDisplayName', 'CreatedDateTime', 'LastActivityDateTime') {
                $alert.$name | Should -Be $live.$name -Because "$($alert.Id) $name"
            }
            # The table's evidence kinds; a live alert also lists network connections, DNS names, hashes and cloud resources.
            $tableKinds = 'deviceEvidence', 'processEvidence', 'fileEvidence', 'ipEvidence', 'urlEvidence', 'userEvidence'
            $alert.Evidence.Count | Should -Be @($live.Evidence | Where-Object Kind -In $tableKinds).Count -Because $alert.Id
        }
    }

    It 'attaches the unmapped SIEM fields' {
        $first = $script:Converted[0]
        $first.UnmappedSiemFields | Should -BeOfType [hashtable]
        @($first.UnmappedSiemFields.FullId) | Should -Be @($script:Raw | Where-Object AlertId -EQ $first.Id | ForEach-Object FullId)
    }

    It 'serialises with ConvertTo-Json' {
        $json = $script:Converted | Select-Object -First 5 | ConvertTo-Json -Depth 8 | ConvertFrom-Json
        @($json).Count | Should -Be 5
        $json[0].id | Should -Be $script:Converted[0].Id
        $json[0].Evidence[0].OdataType | Should -Be '#microsoft.graph.security.deviceEvidence'
        $json[0].UnmappedSiemFields.FullId | Should -Not -BeNullOrEmpty
    }

    It 'converts an array given by name as it converts the same records piped' {
        $records = @(Get-MdeSiemAlert -SinceTimeUtc $script:Since -WarningAction SilentlyContinue)
        $byName = @(ConvertTo-GraphAlert -InputObject $records)
        @($byName | ForEach-Object Id | Sort-Object) | Should -Be $script:AlertIds
        @($byName | ForEach-Object { $_.Evidence.Count }) | Should -Be @($script:Converted | ForEach-Object { $_.Evidence.Count })
    }

    It 'comes back as SIEM records with ConvertTo-MdeSiemAlert' {
        $records = @($script:Converted | ConvertTo-MdeSiemAlert)
        @($records | ForEach-Object AlertId | Sort-Object -Unique) | Should -Be $script:AlertIds
        # The module's types live in its private load context on PowerShell 7: check the name, not a type literal.
        $records[0].GetType().FullName | Should -Be 'MdeSiem.Core.Siem.MdeSiemAlert'
        $records | Where-Object FullId | Should -BeNullOrEmpty
    }
}

Describe 'Import-Csv of an old export | ConvertTo-GraphAlert' {
    BeforeAll {
        # An export of the raw API: every value as the service sent it, then every value a string after Import-Csv.
        $script:Raw | Export-Csv -Path $script:CsvFile -NoTypeInformation
        $script:FromCsv = @(Import-Csv -Path $script:CsvFile | ConvertTo-GraphAlert -ErrorVariable csvErrors)
        $script:CsvErrors = $csvErrors
    }

    It 'converts every alert without errors' {
        $script:CsvErrors | Should -BeNullOrEmpty
        @($script:FromCsv | ForEach-Object Id | Sort-Object) | Should -Be $script:AlertIds
    }

    It 'reads times as UTC DateTime and numbers as numbers' {
        $alert = $script:FromCsv[0]
        $first = $script:Raw | Where-Object AlertId -EQ $alert.Id | Select-Object -First 1
        $alert.CreatedDateTime | Should -BeOfType [datetime]
        $alert.CreatedDateTime.Kind | Should -Be 'Utc'
        $alert.CreatedDateTime | Should -Be ([datetime]::Parse($first.AlertTime, [cultureinfo]::InvariantCulture, 'AdjustToUniversal'))
        @($alert.UnmappedSiemFields.AlertPart)[0] | Should -BeOfType [int]
        @($alert.UnmappedSiemFields.ReportID)[0] | Should -BeOfType [long]
    }

    It 'gives a non-terminating error for a malformed row and converts the rest' {
        $rows = @(Import-Csv -Path $script:CsvFile | Select-Object -First 3)
        $rows[1].AlertTime = 'not a time'
        $out = @($rows | ConvertTo-GraphAlert -ErrorVariable bad -ErrorAction SilentlyContinue)
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'MdeSiem.InvalidInputRecord,*'
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $out.Count | Should -BeGreaterThan 0
    }
}
