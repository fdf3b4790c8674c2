# Find-MdeSiemRetiredApi in real pwsh on the fixture folder tests/Fixtures/RetiredApiScripts: realistic scripts (the
# SIEM API page's own PowerShell, Bash, C# and HTTP samples among them) whose calls are listed by hand in
# expected-findings.csv, and a comments-only/ folder that names the same surfaces where nothing calls them.

BeforeAll {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:Fixture = Join-Path $PSScriptRoot 'Fixtures/RetiredApiScripts'
    $script:Expected = @(Import-Csv (Join-Path $script:Fixture 'expected-findings.csv'))
    function ConvertTo-Key($Path, $Line, $Column, $Surface) {
        $relative = [IO.Path]::GetRelativePath($script:Fixture, $Path) -replace '\\', '/'
        '{0}:{1}:{2} {3}' -f $relative, $Line, $Column, $Surface
    }
}

Describe 'Find-MdeSiemRetiredApi on the fixture folder' {
    BeforeAll {
        $script:Found = @(Find-MdeSiemRetiredApi -Path $script:Fixture)
    }

    It 'finds every listed call, at its line and column, and nothing else' {
        $foundKeys = @($script:Found | ForEach-Object { ConvertTo-Key $_.Path $_.Line $_.Column $_.Surface } | Sort-Object)
        $expectedKeys = @($script:Expected | ForEach-Object { ConvertTo-Key (Join-Path $script:Fixture $_.File) $_.Line $_.Column $_.Surface } | Sort-Object)
        $foundKeys | Should -Be $expectedKeys
    }

    It 'finds nothing in files that name the surfaces only in comments, help, messages and plain strings' {
        @(Find-MdeSiemRetiredApi -Path (Join-Path $script:Fixture 'comments-only')).Count | Should -Be 0
        @(Get-ChildItem (Join-Path $script:Fixture 'comments-only')).Count | Should -BeGreaterOrEqual 4
    }

    It 'gives each finding its retirement date, source and replacement from the retirement table' {
        $siem = $script:Found | Where-Object Surface -EQ 'Defender for Endpoint SIEM API' | Select-Object -First 1
        $siem.RetirementDate | Should -Be ([datetime]::new(2024, 12, 31))
        $siem.SourceUrl | Should -Match '^https://'
        $siem.Replacement | Should -Match 'Get-DefenderAlert'
        $mde = $script:Found | Where-Object Surface -EQ 'Defender for Endpoint alerts API' | Select-Object -First 1
        $mde.RetirementDate | Should -Be ([datetime]::new(2027, 2, 1))
        $mde.Source | Should -Match 'MC1220762'
        $graph = $script:Found | Where-Object Surface -Like 'Microsoft Graph legacy*' | Select-Object -First 1
        $graph.RetirementDate | Should -Be ([datetime]::new(2026, 8, 31))
        $graph.Status | Should -Be 'Retired'
        $script:Found | ForEach-Object { $_.Example | Should -Not -BeNullOrEmpty }
    }

    It 'takes files from the pipeline (Get-ChildItem) and wildcards' {
        $viaPipeline = @(Get-ChildItem -Path $script:Fixture -Filter '*.ps1' | Find-MdeSiemRetiredApi)
        $viaPipeline.Count | Should -Be @($script:Expected | Where-Object File -Like '*.ps1').Count
        $viaWildcard = @(Find-MdeSiemRetiredApi -Path (Join-Path $script:Fixture 'seed-*'))
        $viaWildcard.Count | Should -Be @($script:Expected | Where-Object File -Like 'seed-*').Count
    }

    It 'shows findings as a table by default' {
        $text = $script:Found | Select-Object -First 3 | Format-Table | Out-String -Width 200
        $text | Should -Match 'Line'
        $text | Should -Match 'Replacement'
    }

    It 'reports a path that does not exist as MdeSiem.PathNotFound and goes on with the rest' {
        $found = @(Find-MdeSiemRetiredApi -Path (Join-Path $TestDrive 'nope'), (Join-Path $script:Fixture 'graph-legacy.ps1') -ErrorVariable failures -ErrorAction SilentlyContinue)
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MdeSiem.PathNotFound*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $found.Count | Should -Be @($script:Expected | Where-Object File -EQ 'graph-legacy.ps1').Count
    }
}
