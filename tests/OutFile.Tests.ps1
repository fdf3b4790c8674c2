# -OutFile on the pull cmdlets, in real pwsh against the simulator program: what the file holds is what the
# pipeline recipe it replaces would have written, one whole line per record, whichever API. Expected values come
# from the simulator's --write-alerts file and from the module's separate formatting cmdlets.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force

    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-outfile-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $alertsFile = Join-Path $script:Work 'expected.json'
    $script:Now = [DateTimeOffset]::new(2026, 6, 1, 12, 0, 0, [TimeSpan]::Zero)
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -Seed 5 -AlertsFile $alertsFile -Now $script:Now -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $script:ExpectedIds = @((Get-Content -Raw $alertsFile | ConvertFrom-Json -NoEnumerate) | ForEach-Object FullId | Sort-Object)
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -WarningAction SilentlyContinue
    $script:Window = @{ SinceTimeUtc = $script:Now.UtcDateTime.AddDays(-2); UntilTimeUtc = $script:Now.UtcDateTime; WarningAction = 'SilentlyContinue' }
}

AfterAll {
    Disconnect-MdeSiem -ErrorAction SilentlyContinue
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:Work
}

Describe 'Get-MdeSiemAlert -OutFile' {
    It 'writes, as JSON lines, exactly what | ConvertTo-MdeSiemJsonLine writes, and nothing to the pipeline' {
        $file = Join-Path $script:Work 'siem.jsonl'

        $output = @(Get-MdeSiemAlert @script:Window -OutFile $file)

        $output.Count | Should -Be 0
        $piped = @(Get-MdeSiemAlert @script:Window | ConvertTo-MdeSiemJsonLine)
        [IO.File]::ReadAllLines($file) | Should -Be $piped
        @([IO.File]::ReadAllLines($file) | ForEach-Object { ($_ | ConvertFrom-Json).FullId } | Sort-Object) | Should -Be $script:ExpectedIds
    }

    It 'writes CSV with one header, readable by Import-Csv, with every record once; -PassThru passes the records on' {
        $file = Join-Path $script:Work 'siem.csv'

        $passed = @(Get-MdeSiemAlert @script:Window -OutFile $file -OutFormat Csv -PassThru)

        $passed.Count | Should -Be $script:ExpectedIds.Count
        $rows = @(Import-Csv -Path $file)
        @($rows.FullId | Sort-Object) | Should -Be $script:ExpectedIds
        $header = Get-Content $file -First 1
        @(Get-Content $file | Where-Object { $_ -eq $header }).Count | Should -Be 1 -Because 'the header is written once'
        $rows[0].PSObject.Properties.Name | Should -Contain 'AlertTitle'
    }

    It 'appends to an existing CSV under its header, in its columns' {
        $file = Join-Path $script:Work 'appended.csv'
        Set-Content -Path $file -Value '"FullId","Severity"'

        Get-MdeSiemAlert @script:Window -Limit 5 -OutFile $file -OutFormat Csv

        $rows = @(Import-Csv -Path $file)
        $rows.Count | Should -Be 5
        @($rows[0].PSObject.Properties.Name) | Should -Be @('FullId', 'Severity')
        $rows.FullId | ForEach-Object { $_ | Should -BeIn $script:ExpectedIds }
    }

    It 'writes CEF and LEEF lines equal to ConvertTo-MdeSiemCef and ConvertTo-MdeSiemLeef' {
        $cef = Join-Path $script:Work 'siem.cef'
        $leef = Join-Path $script:Work 'siem.leef'

        Get-MdeSiemAlert @script:Window -Limit 20 -OutFile $cef -OutFormat Cef
        Get-MdeSiemAlert @script:Window -Limit 20 -OutFile $leef -OutFormat Leef

        [IO.File]::ReadAllLines($cef) | Should -Be @(Get-MdeSiemAlert @script:Window -Limit 20 | ConvertTo-MdeSiemCef)
        [IO.File]::ReadAllLines($leef) | Should -Be @(Get-MdeSiemAlert @script:Window -Limit 20 | ConvertTo-MdeSiemLeef)
    }

    It 'refuses a name whose format item is not a date, before pulling' {
        { Get-MdeSiemAlert @script:Window -OutFile (Join-Path $script:Work 'x-{1}.jsonl') -ErrorAction Stop } |
            Should -Throw -ErrorId 'MdeSiem.InvalidArgument*'
    }
}

Describe '-OutFile on the Graph and Defender API pulls' {
    It 'Get-DefenderAlert -OutFile writes what | ConvertTo-MdeSiemJsonLine writes' {
        $file = Join-Path $script:Work 'graph.jsonl'

        Get-DefenderAlert -Top 50 -OutFile $file

        [IO.File]::ReadAllLines($file) | Should -Be @(Get-DefenderAlert -Top 50 | ConvertTo-MdeSiemJsonLine)
    }

    It 'Get-DefenderAlert -Id -OutFile writes the alerts read by id, not to the pipeline' {
        $file = Join-Path $script:Work 'graph-by-id.jsonl'
        $ids = @(Get-DefenderAlert -Top 2 | ForEach-Object Id)

        $output = @($ids | Get-DefenderAlert -OutFile $file)

        $output.Count | Should -Be 0
        [IO.File]::ReadAllLines($file) | Should -Be @($ids | Get-DefenderAlert | ConvertTo-MdeSiemJsonLine)
    }

    It 'Get-MdeAlert -OutFile writes what | ConvertTo-MdeSiemJsonLine writes' {
        $file = Join-Path $script:Work 'mde.jsonl'

        Get-MdeAlert -Top 50 -OutFile $file -WarningAction SilentlyContinue

        [IO.File]::ReadAllLines($file) | Should -Be @(Get-MdeAlert -Top 50 -WarningAction SilentlyContinue | ConvertTo-MdeSiemJsonLine)
    }
}
