# Compare-MdeSiemMigration in real pwsh against the simulator program with --graph-divergences, and its HTML report
# opened in a real browser: Debian's chromium, headless, installed here when missing. The numbers the browser renders
# are read back from the DOM and must be the numbers the cmdlet wrote to the pipeline. (That those numbers are the
# simulator's ground truth is checked in tests/MdeSiem.Tests/Migration.)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    # The test setup installs the browser: CI runs on Debian as root on a fresh machine.
    $script:Chromium = '/usr/bin/chromium'
    if (-not (Test-Path $script:Chromium)) {
        & apt-get -o DPkg::Lock::Timeout=600 install -y chromium *>&1 | Out-Null
        if (-not (Test-Path $script:Chromium)) {
            & apt-get -o DPkg::Lock::Timeout=600 update *>&1 | Out-Null
            & apt-get -o DPkg::Lock::Timeout=600 install -y chromium *>&1 | Out-Null
        }
        if (-not (Test-Path $script:Chromium)) { throw "Could not install Debian's chromium (apt-get install chromium)." }
    }

    function Invoke-Chromium([string[]] $Arguments) {
        $userData = Join-Path $TestDrive "chromium-$([guid]::NewGuid().ToString('N'))"
        $all = @('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', "--user-data-dir=$userData") + $Arguments
        $output = & $script:Chromium @all 2>$null
        ($output -join "`n")
    }

    $script:Simulator = Start-MdeSiemSimulator -AlertCount 1200 -Seed 31 -GraphDivergences -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck

    $script:ReportPath = Join-Path $TestDrive 'migration-report.html'
    $now = [datetime]::UtcNow
    $script:Output = @(Compare-MdeSiemMigration -SinceTimeUtc $now.AddHours(-5) -UntilTimeUtc $now.AddHours(-1) -ReportPath $script:ReportPath -IncludeMdeApi -WarningAction SilentlyContinue)
    $script:Summary = $script:Output | Where-Object { $_.PSObject.TypeNames[0] -eq 'MdeSiem.Core.Migration.MigrationSummary' }
    $script:Rows = @($script:Output | Where-Object { $_.PSObject.TypeNames[0] -eq 'MdeSiem.Core.Migration.MigrationFieldRow' })
    $script:Dom = Invoke-Chromium @('--dump-dom', [System.Uri]::new($script:ReportPath, [System.UriKind]::Absolute).AbsoluteUri)
}

AfterAll {
    Disconnect-MdeSiem -ErrorAction SilentlyContinue
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Compare-MdeSiemMigration against a tenant whose Graph view diverges' {
    It 'writes one summary and one row per mapping-table row' {
        @($script:Summary).Count | Should -Be 1
        $script:Rows.Count | Should -Be 50
        $script:Summary.Paired | Should -BeGreaterThan 0
    }

    It 'finds and explains what only one side returns' {
        $script:Summary.OnlyInSiemCreatedOutsideWindow | Should -BeGreaterThan 0
        $script:Summary.OnlyInGraphProcessedOutsideWindow | Should -BeGreaterThan 0
        $script:Summary.OnlyInSiemUnexplained + $script:Summary.OnlyInGraphUnexplained | Should -Be 0
        ($script:Rows | Where-Object Field -EQ 'LastProcessedTimeUtc').Different | Should -BeGreaterThan 0
        $script:Summary.MdeApiAlerts | Should -BeGreaterThan 0
    }

    It 'renders the summary numbers in a real browser exactly as the cmdlet returned them' {
        $metrics = @{}
        foreach ($match in [regex]::Matches($script:Dom, 'data-metric="([^"]+)">(\d+)<')) {
            $metrics[$match.Groups[1].Value] = [int]$match.Groups[2].Value
        }
        $metrics['paired'] | Should -Be $script:Summary.Paired
        $metrics['only-in-siem'] | Should -Be $script:Summary.OnlyInSiem
        $metrics['only-in-graph'] | Should -Be $script:Summary.OnlyInGraph
        $metrics['lost-values'] | Should -Be $script:Summary.LostValues
        $metrics['siem-records'] | Should -Be $script:Summary.SiemRecords
        $metrics['graph-alerts'] | Should -Be $script:Summary.GraphAlerts
        $metrics['only-in-siem-created-outside-window'] | Should -Be $script:Summary.OnlyInSiemCreatedOutsideWindow
        $metrics['only-in-graph-processed-outside-window'] | Should -Be $script:Summary.OnlyInGraphProcessedOutsideWindow
        $metrics['mde-api-alerts'] | Should -Be $script:Summary.MdeApiAlerts
        $metrics['status-resolved'] | Should -Be $script:Summary.Statuses['resolved']
    }

    It 'renders every row''s numbers as the cmdlet returned them' {
        foreach ($row in $script:Rows) {
            $pattern = '<tr[^>]*data-field="' + [regex]::Escape($row.Field) + '"[^>]*>(.*?)</tr>'
            $html = [regex]::Match($script:Dom, $pattern, 'Singleline').Groups[1].Value
            $html | Should -Not -BeNullOrEmpty -Because "row $($row.Field) is in the report"
            foreach ($column in @{ 'records-with-value' = 'RecordsWithValue'; 'same' = 'Same'; 'different' = 'Different'; 'lost' = 'Lost' }.GetEnumerator()) {
                $cell = [regex]::Match($html, 'data-column="' + $column.Key + '">(\d+)<').Groups[1].Value
                [int]$cell | Should -Be $row.($column.Value) -Because "$($row.Field) $($column.Value)"
            }
        }
    }

    It 'is one self-contained file: no script, nothing loaded from elsewhere, inline charts' {
        $text = Get-Content -Raw $script:ReportPath
        $text | Should -Not -Match '<script'
        $text | Should -Not -Match '\b(src|href)='
        $text | Should -Not -Match '@import|url\('
        ([regex]::Matches($text, '<svg')).Count | Should -BeGreaterOrEqual 2
    }

    It 'refuses an empty window before calling anything' {
        $now = [datetime]::UtcNow
        { Compare-MdeSiemMigration -SinceTimeUtc $now -UntilTimeUtc $now.AddHours(-1) -ErrorAction Stop } |
            Should -Throw -ErrorId 'MdeSiem.InvalidArgument*'
    }
}
