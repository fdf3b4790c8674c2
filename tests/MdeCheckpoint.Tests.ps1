# Scheduled runs of Get-MdeAlert / Get-MdeIncident -Checkpoint against the simulator program: late alerts inside the
# overlap, an alert updated between runs, many alerts sharing one time across small pages, and a 500 mid-pull that
# fails the run. Every alert version (id + lastUpdateTime) the simulator holds must be delivered exactly once across
# the runs. The simulator's Defender for Endpoint alerts are its Graph alerts renamed (same ids, lastUpdateTime =
# lastUpdateDateTime, incidents the same grouping), so the expected keys come from its Graph ground truth
# (/_test/graph-alerts, /_test/graph-incidents), never from the module's output.
# The APIs allow 100 (alerts) and 50 (incidents) calls a minute: the runs use large pages except where paging is
# what is tested, so the file stays well under both and never waits for budget.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 200 -Seed 41 -TestControl -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    # One retry: a single 5xx is retried away; two in a row fail the page.
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -MaxRetryCount 1
    # Before every generated record (the simulator spreads them over the last 6 hours).
    $script:Since = [DateTime]::UtcNow.AddHours(-8)
    # Every page request of a checkpointed run bounds lastUpdateTime.
    $script:PageRequest = 'lastUpdateTime ge'

    function script:Invoke-Run {
        param([string] $Path, [string] $Noun = 'Alert', [hashtable] $Extra = @{})
        $delivered = [System.Collections.Generic.List[string]]::new()
        $errors = $null
        $terminating = $null
        try {
            & "Get-Mde$Noun" -Checkpoint $Path -UpdatedAfter $script:Since -AvailabilityLag 0 @Extra `
                -WarningAction SilentlyContinue -ErrorAction SilentlyContinue -ErrorVariable errors | ForEach-Object {
                    $id = if ($Noun -eq 'Incident') { $_.IncidentId } else { $_.Id }
                    $delivered.Add(('{0}|{1}' -f $id, $_.LastUpdateTime.ToUniversalTime().Ticks))
                }
        }
        catch { $terminating = $_ }
        [pscustomobject]@{
            Keys        = @($delivered)
            Errors      = @($errors | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            Terminating = $terminating
        }
    }

    function script:Assert-ExactlyOnce {
        param([object[]] $Runs, [string[]] $Expected)
        $all = @($Runs | ForEach-Object { $_.Keys })
        $duplicates = @($all | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name)
        $duplicates | Should -BeNullOrEmpty -Because 'no alert version may be delivered twice'
        $missing = @($Expected | Where-Object { $_ -notin $all })
        $missing | Should -BeNullOrEmpty -Because 'every alert version the simulator holds must be delivered'
        $extra = @($all | Where-Object { $_ -notin $Expected })
        $extra | Should -BeNullOrEmpty -Because 'nothing but what the simulator holds may be delivered'
    }

    function script:Get-Truth { param([string] $Kind = 'Alerts') Get-MdeSiemSimulatorGraphTruth $script:Simulator -Kind $Kind }

    function script:Get-Watermark {
        param([string] $Path)
        (Get-Content $Path -Raw | ConvertFrom-Json -DateKind String).watermarkUtc
    }

    function script:New-CheckpointPath { Join-Path $TestDrive "$([guid]::NewGuid()).json" }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Get-MdeAlert -Checkpoint' {
    BeforeEach { Clear-MdeSiemSimulatorFault $script:Simulator }

    It 'delivers everything once, then nothing, paging the window by lastUpdateTime' {
        $path = New-CheckpointPath
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 60 }
        $second = Invoke-Run $path -Extra @{ Top = 60 }
        $first.Terminating | Should -BeNullOrEmpty
        $first.Errors | Should -BeNullOrEmpty
        $second.Keys | Should -BeNullOrEmpty
        $truth.Count | Should -BeGreaterThan 60
        Assert-ExactlyOnce @($first, $second) $truth
        $saved = Get-Content $path -Raw | ConvertFrom-Json
        $saved.api | Should -Be 'MdeAlerts'
        $saved.watermarkUtc | Should -Not -BeNullOrEmpty
    }

    It 'picks up alerts that arrive late inside the overlap' {
        $path = New-CheckpointPath
        $before = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 500 }
        Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 30 -SpreadSeconds 300
        $after = Get-Truth
        @($after | Where-Object { $_ -notin $before }).Count | Should -BeGreaterThan 0
        $second = Invoke-Run $path -Extra @{ Top = 500 }
        $second.Keys.Count | Should -BeGreaterThan 0
        Assert-ExactlyOnce @($first, $second, (Invoke-Run $path -Extra @{ Top = 500 })) @($before + $after | Sort-Object -Unique)
    }

    It 'loses no alert when many share one timestamp across small pages' {
        $path = New-CheckpointPath
        $first = Invoke-Run $path -Extra @{ Top = 500 }
        Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 25 -SpreadSeconds 0
        $truth = Get-Truth
        $tied = @($truth | Group-Object { ($_ -split '\|')[1] } | Sort-Object Count -Descending | Select-Object -First 1)
        $tied[0].Count | Should -BeGreaterThan 10
        # Pages of 10: at least two in a row hold nothing but the tied alerts.
        $second = Invoke-Run $path -Extra @{ Top = 10 }
        Assert-ExactlyOnce @($first, $second, (Invoke-Run $path -Extra @{ Top = 500 })) $truth
    }

    It 'delivers an alert updated between runs (Update-MdeAlert) once more, as its new version' {
        $path = New-CheckpointPath
        $before = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 500 }
        $id = ($before[3] -split '\|')[0]
        Update-MdeAlert -Id $id -Status InProgress -Confirm:$false -WarningAction SilentlyContinue
        $after = Get-Truth
        $updated = @($after | Where-Object { $_ -like "$id|*" })
        $updated | Should -Not -BeIn $before
        $second = Invoke-Run $path -Extra @{ Top = 500 }
        $second.Keys | Should -Contain $updated[0]
        Assert-ExactlyOnce @($first, $second, (Invoke-Run $path -Extra @{ Top = 500 })) @($before + $after | Sort-Object -Unique)
    }

    It 'fails on a 500 mid-pull without moving the checkpoint past what it delivered, and the re-run completes' {
        $path = New-CheckpointPath
        $truth = Get-Truth
        # The third page request fails, and its retry too.
        Add-MdeSiemSimulatorFault $script:Simulator -Target DefenderApi -StatusCode 500 -RequestContains $script:PageRequest -AfterMatchingRequests 2 -Count 2
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        ($first.Terminating.FullyQualifiedErrorId -split ',')[0] | Should -Be 'MdeSiem.ServiceError'
        # Two pages went out (the second re-reads the first's last time and drops what it saw there).
        $first.Keys.Count | Should -BeGreaterThan 40
        $first.Keys.Count | Should -BeLessThan $truth.Count
        # Progress kept (the keys of what went out) but no watermark: the re-run reads the same window again.
        Get-Watermark $path | Should -BeNullOrEmpty
        @((Get-Content $path -Raw | ConvertFrom-Json).delivered.PSObject.Properties).Count | Should -Be $first.Keys.Count
        $second = Invoke-Run $path -Extra @{ Top = 40 }
        $second.Terminating | Should -BeNullOrEmpty
        $second.Errors | Should -BeNullOrEmpty
        Get-Watermark $path | Should -Not -BeNullOrEmpty
        Assert-ExactlyOnce @($first, $second) $truth
    }

    It 'refuses a checkpoint written by another API with MdeSiem.CheckpointMismatch, leaving it as it was' {
        $path = New-CheckpointPath
        $null = Invoke-Run $path -Extra @{ Top = 500 }
        $saved = Get-Content $path -Raw
        { Get-MdeIncident -Checkpoint $path -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.CheckpointMismatch,*'
        { Get-DefenderAlert -Checkpoint $path -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.CheckpointMismatch,*'
        Get-Content $path -Raw | Should -Be $saved

        $graph = New-CheckpointPath
        $null = Get-DefenderAlert -Checkpoint $graph -UpdatedAfter $script:Since -AvailabilityLag 0
        { Get-MdeAlert -Checkpoint $graph -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.CheckpointMismatch,*'
    }
}

Describe 'Get-MdeIncident -Checkpoint' {
    BeforeEach { Clear-MdeSiemSimulatorFault $script:Simulator }

    It 'delivers every incident version once across runs, late alerts and a 500 mid-pull included' {
        $path = New-CheckpointPath
        $before = Get-Truth -Kind Incidents
        Add-MdeSiemSimulatorFault $script:Simulator -Target DefenderApi -StatusCode 500 -RequestContains $script:PageRequest -AfterMatchingRequests 1 -Count 2
        $first = Invoke-Run $path -Noun Incident -Extra @{ Top = 20 }
        ($first.Terminating.FullyQualifiedErrorId -split ',')[0] | Should -Be 'MdeSiem.ServiceError'
        $first.Keys.Count | Should -Be 20
        $second = Invoke-Run $path -Noun Incident -Extra @{ Top = 100 }
        $second.Terminating | Should -BeNullOrEmpty
        (Get-Content $path -Raw | ConvertFrom-Json).api | Should -Be 'XdrIncidents'
        Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 10 -SpreadSeconds 120
        $after = Get-Truth -Kind Incidents
        $third = Invoke-Run $path -Noun Incident -Extra @{ Top = 100 }
        $third.Keys.Count | Should -BeGreaterThan 0
        Assert-ExactlyOnce @($first, $second, $third) @($before + $after | Sort-Object -Unique)
    }
}
