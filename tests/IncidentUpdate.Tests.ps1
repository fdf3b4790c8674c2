# Update-DefenderIncident and Update-MdeIncident in real pwsh against the simulator program: -WhatIf sends nothing,
# updates from the pipeline read back the same through both APIs, and refused values are errors with stable ids.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 300 -Seed 29 -TestControl -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck
    $script:Incidents = @(Get-DefenderIncident -Top 6)

    # The incident-changing requests the simulator has answered.
    function Get-IncidentWrite {
        # Invoke-RestMethod writes the JSON array as one object: enumerate it through a variable.
        $log = Get-MdeSiemSimulatorRequest $script:Simulator
        @($log | Where-Object { $_.method -in 'PATCH', 'POST' -and $_.path -match '/incidents/' })
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Update-DefenderIncident' {
    It 'sends nothing with -WhatIf' {
        $incident = $script:Incidents[0]
        $before = @(Get-IncidentWrite).Count
        $incident | Update-DefenderIncident -Status Resolved -AddTag 'Nope' -Comment 'nope' -WhatIf
        @(Get-IncidentWrite).Count | Should -Be $before
        $after = Get-DefenderIncident -Id $incident.Id
        $after.StatusValue | Should -Be $incident.StatusValue
        $after.Comments.Count | Should -Be 0
    }

    It 'closes an incident from the pipeline with a comment, and the Defender XDR API shows the same' {
        $incident = $script:Incidents[1]
        $updated = $incident | Update-DefenderIncident -Status Resolved -Classification TruePositive -Determination Malware `
            -AssignedTo 'soc@contoso.com' -CustomTag 'Ransomware' -Comment 'Contained.' -PassThru -Confirm:$false
        $updated.Id | Should -Be $incident.Id
        $updated.Status | Should -Be 'Resolved'
        # One PATCH and one comment POST: the request log sees incident writes, so the -WhatIf counts mean something.
        @(Get-IncidentWrite | Where-Object path -Match "/$($incident.Id)").Count | Should -Be 2

        $graph = Get-DefenderIncident -Id $incident.Id
        $xdr = Get-MdeIncident -IncidentId $incident.Id -WarningAction SilentlyContinue
        $graph.ClassificationValue | Should -Be 'truePositive'
        $graph.DeterminationValue | Should -Be 'malware'
        $graph.CustomTags | Should -Be @('Ransomware')
        $graph.Comments.Comment | Should -Be 'Contained.'
        $xdr.StatusValue | Should -Be 'Resolved'
        $xdr.Classification | Should -Be 'TruePositive'
        $xdr.Determination | Should -Be 'Malware'
        $xdr.AssignedTo | Should -Be 'soc@contoso.com'
        $xdr.Tags | Should -Be @('Ransomware')
        $xdr.Comments.Comment | Should -Be 'Contained.'
    }

    It 'adds and removes tags without losing the others' {
        $id = $script:Incidents[2].Id
        Update-DefenderIncident -Id $id -CustomTag 'One', 'Two' -Confirm:$false
        Update-DefenderIncident -Id $id -AddTag 'Three' -RemoveTag 'one' -Confirm:$false
        (Get-DefenderIncident -Id $id).CustomTags | Should -Be @('Two', 'Three')
    }

    It 'refuses a tag list together with tags to add, sending nothing' {
        $before = @(Get-IncidentWrite).Count
        { Update-DefenderIncident -Id $script:Incidents[2].Id -CustomTag 'A' -AddTag 'B' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'MdeSiem.InvalidArgument*'
        @(Get-IncidentWrite).Count | Should -Be $before
    }

    It 'reports an unknown incident as MdeSiem.NotFound' {
        { Update-DefenderIncident -Id '999999999' -Status Resolved -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.NotFound*'
    }
}

Describe 'Update-MdeIncident' {
    It 'sends nothing with -WhatIf' {
        $before = @(Get-IncidentWrite).Count
        Get-MdeIncident -IncidentId $script:Incidents[3].Id -WarningAction SilentlyContinue |
            Update-MdeIncident -Status Resolved -Comment 'nope' -WhatIf -WarningAction SilentlyContinue
        @(Get-IncidentWrite).Count | Should -Be $before
    }

    It 'updates from the pipeline in one PATCH, and Graph shows the same' {
        $id = $script:Incidents[4].Id
        $before = @(Get-IncidentWrite).Count
        $updated = Get-MdeIncident -IncidentId $id -WarningAction SilentlyContinue |
            Update-MdeIncident -Status InProgress -Classification InformationalExpectedActivity -Determination SecurityTesting `
                -Tag 'PenTest' -Comment 'Red team exercise.' -PassThru -Confirm:$false -WarningAction SilentlyContinue
        @(Get-IncidentWrite).Count | Should -Be ($before + 1)
        $updated.StatusValue | Should -Be 'InProgress'
        $updated.Determination | Should -Be 'SecurityTesting'

        $graph = Get-DefenderIncident -Id $id
        $graph.StatusValue | Should -Be 'inProgress'
        $graph.ClassificationValue | Should -Be 'informationalExpectedActivity'
        $graph.DeterminationValue | Should -Be 'securityTesting'
        $graph.CustomTags | Should -Be @('PenTest')
        $graph.Comments.Comment | Should -Be 'Red team exercise.'
    }

    It 'takes the incident id from Get-DefenderIncident output too' {
        $script:Incidents[5] | Update-MdeIncident -AssignedTo 'tier2@contoso.com' -Confirm:$false -WarningAction SilentlyContinue
        (Get-DefenderIncident -Id $script:Incidents[5].Id).AssignedTo | Should -Be 'tier2@contoso.com'
    }

    It 'reports a determination the classification does not allow as MdeSiem.BadRequest' {
        { Update-MdeIncident -IncidentId $script:Incidents[5].Id -Classification TruePositive -Determination Clean -Confirm:$false -ErrorAction Stop -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'MdeSiem.BadRequest*'
    }
}
