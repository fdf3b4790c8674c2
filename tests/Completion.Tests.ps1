# Tab completion as the console does it: TabExpansion2 in real pwsh with the built module imported.

BeforeAll {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'Completion of enum parameters' {
    It 'completes Connect-MdeSiem -Region with every region' {
        Get-Completion 'Connect-MdeSiem -Region ' | Sort-Object | Should -Be @('EU', 'UK', 'US')
    }

    It 'completes Connect-MdeSiem -Environment by prefix' {
        Get-Completion 'Connect-MdeSiem -Environment USG' | Sort-Object | Should -Be @('USGov', 'USGovDoD', 'USGovHigh')
    }

    It 'completes Get-MdeSiemAlert -Region by prefix' {
        Get-Completion 'Get-MdeSiemAlert -Region e' | Should -Be @('EU')
    }
}

Describe 'Completion of -MachineGroup from the last pull' {
    BeforeAll {
        $script:AlertsFile = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-completion-$PID.json"
        $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -AlertsFile $script:AlertsFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
        # Expected groups from the simulator's own file of every record it serves, not from the module.
        $script:ExpectedGroups = @(Get-Content -Raw $script:AlertsFile | ConvertFrom-Json |
                ForEach-Object MachineGroup | Where-Object { $_ } | Sort-Object -Unique)
    }

    AfterAll {
        if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
        Remove-Item -Force -ErrorAction SilentlyContinue $script:AlertsFile
    }

    It 'offers every group of a full pull, quoting names with spaces' {
        Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddYears(-5)) -WarningAction SilentlyContinue | Out-Null
        $script:ExpectedGroups.Count | Should -BeGreaterThan 1
        $expected = $script:ExpectedGroups | ForEach-Object { if ($_ -match '[\s&]') { "'$_'" } else { $_ } } | Sort-Object
        Get-Completion 'Get-MdeSiemAlert -MachineGroup ' | Sort-Object | Should -Be $expected
    }

    It 'filters the groups by what was typed' {
        $first = $script:ExpectedGroups[0]
        $prefix = $first.Substring(0, 2)
        $expected = $script:ExpectedGroups | Where-Object { $_ -like "$prefix*" } | ForEach-Object { if ($_ -match '[\s&]') { "'$_'" } else { $_ } }
        Get-Completion "Get-MdeSiemAlert -MachineGroup $prefix" | Sort-Object | Should -Be @($expected | Sort-Object)
    }

    It 'offers only the groups of the last pull' {
        $only = $script:ExpectedGroups | Where-Object { $_ -notmatch '[\s&]' } | Select-Object -First 1
        Get-MdeSiemAlert -SinceTimeUtc ([datetime]::UtcNow.AddYears(-5)) -MachineGroup $only -WarningAction SilentlyContinue | Out-Null
        Get-Completion 'Get-MdeSiemAlert -MachineGroup ' | Should -Be @($only)
    }
}
