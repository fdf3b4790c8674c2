# The default views: what Format-Table and Format-List show for each output type, rendered as a user sees them.

BeforeDiscovery {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    # Every non-System output type of every exported cmdlet needs a table view.
    $script:OutputTypes = @(Get-Command -Module MdeSiem -CommandType Cmdlet | ForEach-Object {
            foreach ($type in $_.OutputType) { @{ Cmdlet = $_.Name; TypeName = $type.Name } }
        } | Where-Object { $_.TypeName -notlike 'System.*' })
}

BeforeAll {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 200 -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    $script:Connection = Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -PassThru
    $script:Alerts = @(Get-MdeSiemAlert -Ago (New-TimeSpan -Days 1) -Limit 5 -WarningAction SilentlyContinue)

    # The header line of a rendered table: the first non-blank line.
    function Get-TableHeader([string] $Rendered) {
        (($Rendered -split "`r?`n") | Where-Object { $_.Trim() } | Select-Object -First 1) -split '\s+' | Where-Object { $_ }
    }

    # The labels of a rendered list, in order, for the first object.
    function Get-ListLabel([string] $Rendered) {
        $labels = foreach ($line in ($Rendered -split "`r?`n")) {
            if (-not $line.Trim()) { if ($labels) { break } else { continue } }
            if ($line -match '^(\S+)\s*:') { $Matches[1] }
        }
        $labels
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Views' {
    It 'has a table view for <TypeName> (output of <Cmdlet>)' -ForEach $script:OutputTypes {
        $views = (Get-FormatData -TypeName $TypeName).FormatViewDefinition
        @($views | ForEach-Object { $_.Control.GetType().Name }) | Should -Contain 'TableControl'
    }

    It 'shows an alert as AlertTime, Severity, AlertTitle, ComputerDnsName, Category' {
        $script:Alerts.Count | Should -BeGreaterThan 0
        $rendered = $script:Alerts | Format-Table | Out-String -Width 250
        Get-TableHeader $rendered | Should -Be @('AlertTime', 'Severity', 'AlertTitle', 'ComputerDnsName', 'Category')
        $rendered | Should -Match ([regex]::Escape($script:Alerts[0].AlertTitle))
        $rendered | Should -Match ([regex]::Escape($script:Alerts[0].AlertTime.ToString('yyyy-MM-dd HH:mm:ss')))
    }

    It 'shows an alert as a list with its identity and title' {
        $labels = Get-ListLabel ($script:Alerts[0] | Format-List | Out-String -Width 250)
        $labels | Should -Contain 'AlertTitle'
        $labels | Should -Contain 'FullId'
        $labels | Should -Contain 'MachineGroup'
        $labels.Count | Should -BeLessThan 20 -Because 'the list view is a summary; Format-List * shows everything'
    }

    It 'shows a connection as TenantId, ClientId, Environment, Region, ConnectedAtUtc' {
        $rendered = $script:Connection | Format-Table | Out-String -Width 250
        Get-TableHeader $rendered | Should -Be @('TenantId', 'ClientId', 'Environment', 'Region', 'ConnectedAtUtc')
        $rendered | Should -Match ([regex]::Escape($script:Simulator.tenantId))
    }

    It 'shows a connection as a list without any secret' {
        $rendered = $script:Connection | Format-List | Out-String -Width 250
        Get-ListLabel $rendered | Should -Be @('TenantId', 'ClientId', 'AuthenticationMethod', 'Environment', 'Region', 'ConnectedAtUtc', 'AuthorityHost')
        $rendered | Should -Not -Match ([regex]::Escape($script:Simulator.clientSecret))
    }
}
