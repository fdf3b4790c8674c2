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

    It 'shows an alert as AlertTime, Severity, ComputerDnsName, AlertTitle' {
        $script:Alerts.Count | Should -BeGreaterThan 0
        $rendered = $script:Alerts | Format-Table | Out-String -Width 250
        Get-TableHeader $rendered | Should -Be @('AlertTime', 'Severity', 'ComputerDnsName', 'AlertTitle')
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

    It 'shows a connection as Name, TenantId, ConnectedAtUtc, Cloud' {
        $rendered = $script:Connection | Format-Table | Out-String -Width 250
        Get-TableHeader $rendered | Should -Be @('Name', 'TenantId', 'ConnectedAtUtc', 'Cloud')
        $rendered | Should -Match ([regex]::Escape($script:Simulator.tenantId))
    }

    It 'shows a connection as a list without any secret' {
        $rendered = $script:Connection | Format-List | Out-String -Width 250
        Get-ListLabel $rendered | Should -Be @('TenantId', 'ClientId', 'AuthenticationMethod', 'Environment', 'Region', 'ConnectedAtUtc', 'AuthorityHost', 'Endpoints')
        $rendered | Should -Not -Match ([regex]::Escape($script:Simulator.clientSecret))
    }
}

Describe 'Views at 80 columns' {
    BeforeAll {
        $script:GraphAlerts = @(Get-DefenderAlert -Top 20)
        $script:Evidence = @($script:GraphAlerts.Evidence)
        # A documented evidence type this version does not model arrives as GenericEvidence; none is in the
        # simulator's alerts, so one is built the way the parser builds it.
        $script:Generic = [MdeSiem.Core.Graph.GenericEvidence]::new()
        $script:Generic.OdataType = '#microsoft.graph.security.kubernetesPodEvidence'
        $script:Generic.AdditionalProperties['name'] = 'web-7f9c5d'

        # What a user sees in an 80-column console: every line of the default table of $Objects.
        function Get-Table80([object[]] $Objects) { ($Objects | Format-Table | Out-String -Width 80) -split "`r?`n" }

        # The cell under $Label in the first data row: from the label's column to the next column's start.
        function Get-FirstCell([string[]] $Lines, [string] $Label) {
            $lines = @($Lines | Where-Object { $_.Trim() })
            $dashIndex = [array]::IndexOf($lines, ($lines | Where-Object { $_ -match '^-+(\s+-+)*\s*$' } | Select-Object -First 1))
            $starts = @([regex]::Matches($lines[$dashIndex], '-+') | ForEach-Object Index)
            $found = [regex]::Match($lines[$dashIndex - 1], "(?<=^|\s)$([regex]::Escape($Label))(?=\s|$)")
            $labelAt = if ($found.Success) { $found.Index } else { -1 }
            $column = [array]::IndexOf($starts, $labelAt)
            if ($column -lt 0) { return $null }
            $row = $lines[$dashIndex + 1].PadRight(80)
            $end = if ($column -lt $starts.Count - 1) { $starts[$column + 1] } else { $row.Length }
            $row.Substring($labelAt, $end - $labelAt).Trim()
        }
    }

    It 'shows <Name> with its <Key> column whole at 80 columns' -ForEach @(
        @{ Name = 'a SIEM detection'; Key = 'AlertTime'; Objects = { $script:Alerts }; Expected = { $args[0].AlertTime.ToString('yyyy-MM-dd HH:mm:ss') } }
        @{ Name = 'a connection'; Key = 'TenantId'; Objects = { $script:Connection }; Expected = { $args[0].TenantId } }
        @{ Name = 'a connection'; Key = 'ConnectedAtUtc'; Objects = { Get-MdeSiemConnection }; Expected = { $args[0].ConnectedAtUtc.ToString('yyyy-MM-dd HH:mm:ss') } }
        @{ Name = 'a Graph alert'; Key = 'Id'; Objects = { $script:GraphAlerts }; Expected = { $args[0].Id } }
        @{ Name = 'a Graph incident'; Key = 'Id'; Objects = { Get-DefenderIncident -Top 3 }; Expected = { $args[0].Id } }
        @{ Name = 'a Defender for Endpoint alert'; Key = 'Id'; Objects = { Get-MdeAlert -Top 3 -WarningAction SilentlyContinue }; Expected = { $args[0].Id } }
        @{ Name = 'a Defender XDR incident'; Key = 'IncidentId'; Objects = { Get-MdeIncident -Top 3 -WarningAction SilentlyContinue }; Expected = { "$($args[0].IncidentId)" } }
        @{ Name = 'file evidence'; Key = 'Evidence'; Objects = { $script:Evidence | Where-Object OdataType -like '*fileEvidence' }; Expected = { 'fileEvidence: ' + $args[0].FileDetails.FileName } }
        @{ Name = 'device evidence'; Key = 'Evidence'; Objects = { $script:Evidence | Where-Object OdataType -like '*deviceEvidence' | Where-Object { $_.DeviceDnsName.Length -le 30 } }; Expected = { 'deviceEvidence: ' + $args[0].DeviceDnsName } }
        @{ Name = 'evidence of a type this version does not model'; Key = 'Evidence'; Objects = { $script:Generic }; Expected = { 'kubernetesPodEvidence: web-7f9c5d' } }
    ) {
        $objects = @(& $Objects)
        $objects.Count | Should -BeGreaterThan 0 -Because "the simulator has $Name"
        $lines = Get-Table80 $objects
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        Get-FirstCell $lines $Key | Should -Be (& $Expected $objects[0]) -Because ($lines -join "`n")
    }

    It 'lists an alert''s evidence by what each names, not by type name' {
        $withFile = $script:GraphAlerts | Where-Object { $_.Evidence | Where-Object OdataType -like '*fileEvidence' } | Select-Object -First 1
        $file = $withFile.Evidence | Where-Object OdataType -like '*fileEvidence' | Select-Object -First 1
        $rendered = $withFile | Format-List Evidence | Out-String -Width 250
        $rendered | Should -Match ([regex]::Escape($file.FileDetails.FileName))
        $rendered | Should -Not -Match ([regex]::Escape($file.MdeDeviceId))
        $rendered | Should -Not -Match 'MdeSiem\.Core\.Graph\.'
    }

    It 'lists a connection''s endpoints by where they are, not by type name' {
        $rendered = $script:Connection | Format-List | Out-String -Width 250
        $rendered | Should -Match ([regex]::Escape($script:Simulator.baseUri.TrimEnd('/')))
        $rendered | Should -Not -Match 'MdeSiem\.Core\.Auth\.ServiceEndpoints'
    }

    It 'prints the demo''s most recent detections newest first by the time shown' {
        $demo = Join-Path (Split-Path $PSScriptRoot -Parent) 'build/Invoke-Demo.ps1'
        $output = Join-Path ([IO.Path]::GetTempPath()) ('mdesiem-demo-' + [guid]::NewGuid())
        $env:MDESIEM_DEMO_SECRET = $script:Simulator.clientSecret
        try {
            $lines = Invoke-MdeSiemChildPwsh @('-File', $demo, '-ModuleManifest', $env:MDESIEM_MODULE_MANIFEST, '-BaseUri', $script:Simulator.baseUri,
                '-TenantId', $script:Simulator.tenantId, '-ClientId', $script:Simulator.clientId, '-OutputDirectory', $output)
        }
        finally { Remove-Item Env:MDESIEM_DEMO_SECRET; Remove-Item -Recurse -Force $output -ErrorAction SilentlyContinue }
        $start = [array]::IndexOf($lines, ($lines | Where-Object { $_ -like 'The 10 most recent detections*' } | Select-Object -First 1))
        $start | Should -BeGreaterThan -1 -Because ($lines -join "`n")
        $times = @($lines[($start + 1)..($lines.Count - 1)] | ForEach-Object { if ($_ -match '^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ') { [datetime] $Matches[1] } } | Select-Object -First 10)
        $times.Count | Should -BeGreaterThan 1
        $sorted = @($times | Sort-Object -Descending)
        $times | Should -Be $sorted
    }
}
