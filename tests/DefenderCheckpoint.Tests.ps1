# The Graph fault matrix: scheduled runs of Get-DefenderAlert / Get-DefenderIncident -Checkpoint against the
# simulator program, each scenario run, failed or not, then run again. Every alert version (id + lastUpdateDateTime)
# the simulator holds must be delivered exactly once across the runs. The expected keys come from the simulator's
# ground truth (its /_test/graph-alerts endpoint, built from the generator and the PATCHes it received), never from
# the module's output.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 400 -Seed 29 -TestControl -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
    # One retry: a single 5xx is retried away; two in a row are a page that fails after retries.
    Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
        -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -MaxRetryCount 1
    # Before every generated record (the simulator spreads them over the last 6 hours).
    $script:Since = [DateTime]::UtcNow.AddHours(-8)
    # Every page request of a checkpointed run bounds lastUpdateDateTime.
    $script:PageRequest = 'lastUpdateDateTime ge'

    function script:Invoke-Run {
        param([string] $Path, [string] $Noun = 'Alert', [hashtable] $Extra = @{})
        $delivered = [System.Collections.Generic.List[string]]::new()
        $incidents = [System.Collections.Generic.List[object]]::new()
        $errors = $null
        $terminating = $null
        try {
            & "Get-Defender$Noun" -Checkpoint $Path -UpdatedAfter $script:Since -AvailabilityLag 0 @Extra `
                -ErrorAction SilentlyContinue -ErrorVariable errors | ForEach-Object {
                    $delivered.Add(('{0}|{1}' -f $_.Id, $_.LastUpdateDateTime.ToUniversalTime().Ticks))
                    if ($Noun -eq 'Incident') { $incidents.Add($_) }
                }
        }
        catch { $terminating = $_ }
        [pscustomobject]@{
            Keys        = @($delivered)
            Incidents   = @($incidents)
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

    function script:New-CheckpointPath { Join-Path $TestDrive "$([guid]::NewGuid()).json" }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
}

Describe 'Get-DefenderAlert -Checkpoint fault matrix' {
    BeforeEach { Clear-MdeSiemSimulatorFault $script:Simulator }

    It 'delivers everything once, then nothing, with no fault' {
        $path = New-CheckpointPath
        $truth = Get-Truth
        $first = Invoke-Run $path
        $second = Invoke-Run $path
        $first.Errors | Should -BeNullOrEmpty
        $second.Keys | Should -BeNullOrEmpty
        $truth.Count | Should -BeGreaterThan 50
        Assert-ExactlyOnce @($first, $second) $truth
        (Get-Content $path -Raw | ConvertFrom-Json).api | Should -Be 'GraphAlerts'
    }

    It 'waits out a 429 with Retry-After and loses nothing' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 429 -RetryAfterSeconds 1 -RequestContains $script:PageRequest
        $truth = Get-Truth
        $first = Invoke-Run $path
        $first.Terminating | Should -BeNullOrEmpty
        $first.Errors | Should -BeNullOrEmpty
        Assert-ExactlyOnce @($first, (Invoke-Run $path)) $truth
    }

    It 'steps around a page that fails with <_> after retries by splitting the window' -ForEach @(500, 502, 503, 504) {
        $path = New-CheckpointPath
        # Mid-pull: the third page request fails, and its retry too.
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode $_ -RequestContains $script:PageRequest -AfterMatchingRequests 2 -Count 2
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        $first.Terminating | Should -BeNullOrEmpty
        $first.Errors | Should -BeNullOrEmpty
        Assert-ExactlyOnce @($first, (Invoke-Run $path -Extra @{ Top = 40 })) $truth
    }

    It 'reports a piece that keeps failing, delivers the rest, and reads the piece on the next run' {
        $path = New-CheckpointPath
        # From the second page on: that request and its retry, then each left half (three splits) with its retry.
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 500 -RequestContains $script:PageRequest -AfterMatchingRequests 1 -Count 8
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        $first.Terminating | Should -BeNullOrEmpty
        @($first.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('MdeSiem.WindowUnreadable')
        $first.Keys.Count | Should -BeGreaterThan 0
        $first.Keys.Count | Should -BeLessThan $truth.Count
        $second = Invoke-Run $path -Extra @{ Top = 40 }
        $second.Errors | Should -BeNullOrEmpty
        Assert-ExactlyOnce @($first, $second) $truth
    }

    It 'recovers from truncated JSON in the middle of a page' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -TruncatedJson -RequestContains $script:PageRequest -AfterMatchingRequests 1
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        $first.Terminating | Should -BeNullOrEmpty
        Assert-ExactlyOnce @($first, (Invoke-Run $path -Extra @{ Top = 40 })) $truth
    }

    It 'refreshes the token after a 401 mid-pull' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 401 -RequestContains $script:PageRequest -AfterMatchingRequests 2
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        $first.Terminating | Should -BeNullOrEmpty
        $first.Errors | Should -BeNullOrEmpty
        Assert-ExactlyOnce @($first, (Invoke-Run $path -Extra @{ Top = 40 })) $truth
    }

    It 'stops on a token refused even after refresh mid-pull, keeps what went out, and the re-run delivers the rest' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 401 -RequestContains $script:PageRequest -AfterMatchingRequests 2 -Count 2
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        ($first.Terminating.FullyQualifiedErrorId -split ',')[0] | Should -Be 'MdeSiem.Unauthorized'
        $first.Keys.Count | Should -BeGreaterThan 0
        $second = Invoke-Run $path -Extra @{ Top = 40 }
        $second.Terminating | Should -BeNullOrEmpty
        Assert-ExactlyOnce @($first, $second) $truth
    }

    It 'stops on 403 without writing a checkpoint, and the re-run delivers everything' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 403 -RequestContains $script:PageRequest
        $truth = Get-Truth
        $first = Invoke-Run $path
        ($first.Terminating.FullyQualifiedErrorId -split ',')[0] | Should -Be 'MdeSiem.PermissionDenied'
        $first.Keys | Should -BeNullOrEmpty
        Test-Path $path | Should -BeFalse
        Assert-ExactlyOnce @($first, (Invoke-Run $path)) $truth
    }

    It 'reports a 206 naming the provider, delivers what came, and the re-run reads the gap' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -PartialProvider 'MicrosoftDefenderForEndpoint' -RequestContains $script:PageRequest -AfterMatchingRequests 1
        $truth = Get-Truth
        $first = Invoke-Run $path -Extra @{ Top = 40 }
        $first.Terminating | Should -BeNullOrEmpty
        $first.Errors.Count | Should -Be 1
        ($first.Errors[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'MdeSiem.PartialResult'
        $first.Errors[0].ToString() | Should -Match 'MicrosoftDefenderForEndpoint'
        $first.Keys.Count | Should -BeLessThan $truth.Count
        Assert-ExactlyOnce @($first, (Invoke-Run $path -Extra @{ Top = 40 })) $truth
    }

    It 'picks up alerts that arrive late inside the overlap' {
        $path = New-CheckpointPath
        $before = Get-Truth
        $first = Invoke-Run $path
        Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 60 -SpreadSeconds 300
        $after = Get-Truth
        @($after | Where-Object { $_ -notin $before }).Count | Should -BeGreaterThan 0
        $second = Invoke-Run $path
        Assert-ExactlyOnce @($first, $second, (Invoke-Run $path)) @($before + $after | Sort-Object -Unique)
    }

    It 'picks up alerts that arrive hours late once the overlap covers them, and says which a short overlap misses' {
        $wide = New-CheckpointPath
        $short = New-CheckpointPath
        $before = Get-Truth
        $firstWide = Invoke-Run $wide -Extra @{ CheckpointOverlap = [TimeSpan]::FromHours(4) }
        $firstShort = Invoke-Run $short
        Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 90 -SpreadSeconds (3 * 3600)
        $after = Get-Truth
        $late = @($after | Where-Object { $_ -notin $before })
        $secondWide = Invoke-Run $wide -Extra @{ CheckpointOverlap = [TimeSpan]::FromHours(4) }
        Assert-ExactlyOnce @($firstWide, $secondWide) @($before + $after | Sort-Object -Unique)

        # With the default 15-minute overlap, exactly the late alerts inside it are delivered: the documented limit.
        $watermark = [DateTime]::Parse((Get-Content $short -Raw | ConvertFrom-Json -DateKind String).watermarkUtc, [cultureinfo]::InvariantCulture, 'AdjustToUniversal')
        $windowStart = $watermark.AddMinutes(-15).Ticks
        $inside = @($late | Where-Object { [long]($_ -split '\|')[1] -ge $windowStart })
        $secondShort = Invoke-Run $short
        @($secondShort.Keys | Sort-Object) | Should -Be @($inside | Sort-Object)
        $inside.Count | Should -BeLessThan $late.Count
    }

    It 'loses no alert when many share one timestamp across small pages' {
        # A connection of its own, with a fresh call budget: its pages of ten would otherwise wait for Graph's minute
        # (150 calls) that the tests above used, which says nothing about ties.
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -MaxRetryCount 1
        $path = New-CheckpointPath
        $first = Invoke-Run $path -Extra @{ Top = 10 }
        Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 120 -SpreadSeconds 0
        $truth = Get-Truth
        $tied = @($truth | Group-Object { ($_ -split '\|')[1] } | Sort-Object Count -Descending | Select-Object -First 1)
        $tied[0].Count | Should -BeGreaterThan 10
        $second = Invoke-Run $path -Extra @{ Top = 10 }
        Assert-ExactlyOnce @($first, $second, (Invoke-Run $path -Extra @{ Top = 10 })) $truth
    }

    It 'delivers an alert updated between runs once more, as its new version' {
        $path = New-CheckpointPath
        $before = Get-Truth
        $first = Invoke-Run $path
        $id = ($before[3] -split '\|')[0]
        Update-DefenderAlert -Id $id -Status InProgress -Confirm:$false | Out-Null
        $after = Get-Truth
        $second = Invoke-Run $path
        @($second.Keys | ForEach-Object { ($_ -split '\|')[0] }) | Should -Contain $id
        Assert-ExactlyOnce @($first, $second, (Invoke-Run $path)) @($before + $after | Sort-Object -Unique)
    }

    It 'counts what Select-Object -First took before it stopped the run, and the re-run delivers the rest' {
        $path = New-CheckpointPath
        $truth = Get-Truth
        $taken = @(Get-DefenderAlert -Checkpoint $path -UpdatedAfter $script:Since -AvailabilityLag 0 -Top 40 |
            Select-Object -First 10 | ForEach-Object { '{0}|{1}' -f $_.Id, $_.LastUpdateDateTime.ToUniversalTime().Ticks })
        $taken.Count | Should -Be 10
        $second = Invoke-Run $path
        Assert-ExactlyOnce @([pscustomobject]@{ Keys = $taken }, $second) $truth
    }

    It 'refuses a checkpoint written by another API with MdeSiem.CheckpointMismatch' {
        $path = New-CheckpointPath
        $null = Invoke-Run $path
        $saved = Get-Content $path -Raw
        { Get-DefenderIncident -Checkpoint $path -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.CheckpointMismatch,*'
        { Get-MdeSiemAlert -Checkpoint $path -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -ErrorId 'MdeSiem.CheckpointMismatch,*'
        Get-Content $path -Raw | Should -Be $saved
    }
}

Describe 'Get-DefenderIncident -Checkpoint' {
    BeforeEach { Clear-MdeSiemSimulatorFault $script:Simulator }

    BeforeAll {
        # A connection of its own, with a fresh call budget: falling back to each incident's alerts takes a request
        # per incident, and with the tests above that would wait for Graph's minute (150 calls) to pass.
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -MaxRetryCount 1
    }

    It 'falls back to each incident''s alerts when $expand=alerts fails, delivering every incident once' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 500 -RequestContains '&$expand=alerts' -Count 2
        $truth = Get-Truth -Kind Incidents
        $first = Invoke-Run $path -Noun Incident -Extra @{ ExpandAlerts = $true }
        $first.Terminating | Should -BeNullOrEmpty
        $first.Errors | Should -BeNullOrEmpty
        @($first.Incidents | Where-Object { $_.Alerts.Count -eq 0 }) | Should -BeNullOrEmpty
        $second = Invoke-Run $path -Noun Incident -Extra @{ ExpandAlerts = $true }
        Assert-ExactlyOnce @($first, $second) $truth
    }

    It 'falls back to each incident''s alerts without a checkpoint too' {
        Add-MdeSiemSimulatorFault $script:Simulator -StatusCode 500 -RequestContains '&$expand=alerts' -AfterMatchingRequests 1 -Count 2
        $keys = Get-Truth -Kind Incidents
        $truth = @($keys | ForEach-Object { ($_ -split '\|')[0] } | Sort-Object)
        $incidents = @(Get-DefenderIncident -All -Top 20 -ExpandAlerts -ErrorAction Stop)
        @($incidents.Id | Sort-Object) | Should -Be $truth
        @($incidents | Where-Object { $_.Alerts.Count -eq 0 }) | Should -BeNullOrEmpty
    }

    It 'reports a 206 and re-reads the gap on the next run' {
        $path = New-CheckpointPath
        Add-MdeSiemSimulatorFault $script:Simulator -PartialProvider 'MicrosoftDefenderForEndpoint' -RequestContains $script:PageRequest
        $truth = Get-Truth -Kind Incidents
        $first = Invoke-Run $path -Noun Incident
        ($first.Errors[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'MdeSiem.PartialResult'
        Assert-ExactlyOnce @($first, (Invoke-Run $path -Noun Incident)) $truth
    }
}

Describe 'Get-DefenderIncident -All' {
    BeforeEach { Clear-MdeSiemSimulatorFault $script:Simulator }

    BeforeAll {
        # The list requests a pull sent, their query strings unescaped.
        function script:Get-IncidentPageQuery {
            param([int] $Skip)
            $log = Get-MdeSiemSimulatorRequest $script:Simulator
            @($log | Select-Object -Skip $Skip | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/security/incidents' } |
                ForEach-Object { [uri]::UnescapeDataString($_.queryString) })
        }

        function script:Get-IncidentId {
            $keys = Get-Truth -Kind Incidents
            @($keys | ForEach-Object { ($_ -split '\|')[0] })
        }

        # A connection of its own, with a fresh call budget: the requests of the tests above would otherwise make
        # these wait for Graph's minute (150 calls) to pass, which says nothing about paging.
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -MaxRetryCount 1
    }

    It 'returns every incident once, paging by createdDateTime' {
        $log = Get-MdeSiemSimulatorRequest $script:Simulator
        $before = @($log).Count
        $truth = @(Get-IncidentId | Sort-Object)
        $ids = @(Get-DefenderIncident -All -Top 5 -ErrorAction Stop | ForEach-Object Id)
        $pages = @(Get-IncidentPageQuery -Skip $before)

        $truth.Count | Should -BeGreaterThan 10
        @($ids | Sort-Object) | Should -Be $truth
        $pages.Count | Should -BeGreaterThan 2
        $pages | ForEach-Object { $_ | Should -Match '\$orderby=createdDateTime asc' }
        # After the first page each request starts at the last creation time seen.
        $pages | Select-Object -Skip 1 | ForEach-Object { $_ | Should -Match 'createdDateTime ge \d{4}-' }
    }

    It 'neither loses nor repeats an incident created while it pages' {
        $before = @(Get-IncidentId)
        $added = $false
        $ids = @(Get-DefenderIncident -All -Top 5 -ErrorAction Stop | ForEach-Object {
                if (-not $added) { $added = $true; Add-MdeSiemSimulatorLateAlert $script:Simulator -Count 40 -SpreadSeconds 0 }
                $_.Id
            })
        $after = @(Get-IncidentId | Sort-Object)

        @($after | Where-Object { $_ -notin $before }).Count | Should -BeGreaterThan 0 -Because 'the late alerts open incidents of their own'
        @($ids | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name) | Should -BeNullOrEmpty
        @($ids | Sort-Object) | Should -Be $after
    }

    It 'follows next links with -OrderBy' {
        $log = Get-MdeSiemSimulatorRequest $script:Simulator
        $before = @($log).Count
        $truth = @(Get-IncidentId | Sort-Object)
        $ids = @(Get-DefenderIncident -All -Top 50 -OrderBy 'createdDateTime desc' -ErrorAction Stop | ForEach-Object Id)
        $pages = @(Get-IncidentPageQuery -Skip $before)

        @($ids | Sort-Object) | Should -Be $truth
        $pages | ForEach-Object { $_ | Should -Not -Match 'createdDateTime ge' }
    }
}

Describe 'Read-ahead of a paged pull' {
    BeforeAll {
        # A connection of its own, with a fresh call budget: the requests of the tests above would otherwise make
        # these wait for Graph's minute (150 calls) to pass, which says nothing about read-ahead.
        $secret = ConvertTo-SecureString $script:Simulator.clientSecret -AsPlainText -Force
        Connect-MdeSiem -TenantId $script:Simulator.tenantId -ClientId $script:Simulator.clientId -ClientSecret $secret `
            -EndpointUri $script:Simulator.baseUri -SkipCertificateCheck -MaxRetryCount 1
    }

    # A consumer that takes two records slowly, then stops. The pull may read one page ahead into its queue and be
    # reading one more, so at most two requests beyond the two pages the consumer took; before the bound it read
    # up to 1,024 records ahead, a page each with -Top 1.
    It 'spends at most two requests beyond what a slow Select-Object -First 2 took from <Command> <Label>' -ForEach @(
        @{ Command = 'Get-DefenderAlert'; Label = 'following next links'; Path = 'alerts_v2'; Extra = @{ OrderBy = 'createdDateTime desc' } }
        @{ Command = 'Get-DefenderAlert'; Label = 'paging by time'; Path = 'alerts_v2'; Extra = @{} }
        @{ Command = 'Get-DefenderIncident'; Label = 'paging by time'; Path = 'incidents'; Extra = @{} }
    ) {
        # The request log is one JSON array: the parentheses enumerate it.
        $before = (Get-MdeSiemSimulatorRequest $script:Simulator).Count
        $taken = @(& $Command -All -Top 1 @Extra | ForEach-Object { Start-Sleep -Milliseconds 400; $_ } | Select-Object -First 2)
        $pages = @((Get-MdeSiemSimulatorRequest $script:Simulator) | Select-Object -Skip $before |
                Where-Object { $_.path -like "*/security/$Path" })

        $taken.Count | Should -Be 2
        $pages.Count | Should -BeGreaterOrEqual 2
        $pages.Count | Should -BeLessOrEqual 4
    }
}
