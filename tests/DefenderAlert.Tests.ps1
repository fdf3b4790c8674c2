# Get-DefenderAlert, Get-DefenderIncident and Update-DefenderAlert in real pwsh against the simulator program.
# Expected values come from the simulator's --write-alerts file (the SIEM records), grouped by AlertId here: the
# Graph alert of a detection has the AlertId as its id, and the first record's severity, title and source.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-graph-alerts-$([guid]::NewGuid()).json"
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 2500 -Seed 17 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck

    $records = Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -DateKind String
    $script:Expected = @($records | Group-Object AlertId | ForEach-Object {
        $first = $_.Group[0]
        [pscustomobject]@{
            Id              = $_.Name
            Severity        = $first.Severity.ToLowerInvariant()
            Title           = $first.AlertTitle
            DetectionSource = switch ($first.Source) {
                'EDR' { 'microsoftDefenderForEndpoint' } 'Antivirus' { 'antivirus' } 'SmartScreen' { 'smartScreen' }
                'CustomTI' { 'customTi' } 'CustomDetection' { 'customDetection' } default { 'unknown' }
            }
            ComputerDnsName = $first.ComputerDnsName
        }
    })
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    if ($script:AlertsFile) { Remove-Item $script:AlertsFile -ErrorAction SilentlyContinue }
}

Describe 'Get-DefenderAlert' {
    It 'lists every alert once with -All' {
        $ids = @(Get-DefenderAlert -All -Top 500 | ForEach-Object Id)
        $ids.Count | Should -Be $script:Expected.Count
        @($ids | Sort-Object -Unique).Count | Should -Be $script:Expected.Count
    }

    It 'filters by severity and status on the service' {
        $want = @($script:Expected | Where-Object Severity -in 'high', 'low' | ForEach-Object Id | Sort-Object)
        $got = @(Get-DefenderAlert -Severity High, Low -Status New -All | ForEach-Object Id | Sort-Object)
        $want.Count | Should -BeGreaterThan 0
        $got | Should -Be $want
    }

    It 'filters by detection source on this machine' {
        $want = @($script:Expected | Where-Object DetectionSource -eq 'antivirus' | ForEach-Object Id | Sort-Object)
        $got = @(Get-DefenderAlert -DetectionSource Antivirus -All | ForEach-Object Id | Sort-Object)
        $want.Count | Should -BeGreaterThan 0
        $got | Should -Be $want
    }

    It 'agrees with the SIEM record of the same detection' {
        $sample = $script:Expected[[int]($script:Expected.Count / 2)]
        $alert = Get-DefenderAlert -Id $sample.Id
        $alert.Title | Should -Be $sample.Title
        $alert.SeverityValue | Should -Be $sample.Severity
        ($alert.Evidence | Where-Object Kind -eq 'deviceEvidence').DeviceDnsName | Should -Be $sample.ComputerDnsName
    }

    It 'refuses a filter on a property the service cannot filter with MdeSiem.BadRequest' {
        { Get-DefenderAlert -Filter "title eq 'x'" -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.BadRequest,*'
    }

    It 'feeds Export-Csv and ConvertTo-Json' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-graph-$([guid]::NewGuid()).csv"
        try {
            Get-DefenderAlert -First 25 | Select-Object Id, CreatedDateTime, SeverityValue, Title | Export-Csv $csv -NoTypeInformation
            $rows = @(Import-Csv $csv)
            $rows.Count | Should -Be 25
            $rows[0].Id | Should -BeIn $script:Expected.Id
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }

        $json = Get-DefenderAlert -First 2 | ConvertTo-Json -Depth 6 | ConvertFrom-Json
        $json.Count | Should -Be 2
        $json[0].Evidence.Count | Should -BeGreaterThan 0
    }

    It 'shows a table by default' {
        $text = Get-DefenderAlert -First 3 | Out-String
        $text | Should -Match 'Severity'
        $text | Should -Match 'CreatedDateTime'
    }
}

Describe 'Update-DefenderAlert' {
    It 'sends no PATCH with -WhatIf' {
        $id = $script:Expected[5].Id
        $verbose = Update-DefenderAlert -Id $id -Status Resolved -Comment 'nope' -WhatIf -Verbose 4>&1 | ForEach-Object { "$_" }
        ($verbose -join "`n") | Should -Not -Match 'PATCH|POST'
        (Get-DefenderAlert -Id $id).StatusValue | Should -Be 'new'
    }

    It 'round-trips an update from the pipeline' {
        $id = $script:Expected[6].Id
        Get-DefenderAlert -Id $id | Update-DefenderAlert -Status Resolved -Classification FalsePositive -Determination NotMalicious -Comment 'benign' -Confirm:$false
        $alert = Get-DefenderAlert -Id $id
        $alert.Status | Should -Be 'Resolved'
        $alert.ClassificationValue | Should -Be 'falsePositive'
        $alert.Comments.Comment | Should -Be 'benign'
    }
}

Describe 'Get-DefenderIncident' {
    It 'groups every alert into exactly one incident' {
        $incidents = @(Get-DefenderIncident -All -ExpandAlerts)
        $alertIds = @($incidents | ForEach-Object { $_.Alerts } | ForEach-Object Id | Sort-Object)
        $alertIds | Should -Be @($script:Expected.Id | Sort-Object)
    }
}
