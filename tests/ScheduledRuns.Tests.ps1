# The scheduled-run recipe of about_MdeSiem_ScheduledRuns, run exactly as the help topic prints it: the script text
# is taken from the doc, saved to a file and started in a fresh pwsh (as cron or Task Scheduler would) against the
# simulator program. Expected values come from the file the simulator wrote, never from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force

    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-scheduled-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $script:AlertsFile = Join-Path $script:Work 'expected.json'
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 400 -Seed 17 -AlertsFile $script:AlertsFile -TestControl -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $script:ExpectedIds = @((Get-Content -Raw $script:AlertsFile | ConvertFrom-Json -NoEnumerate) | ForEach-Object FullId)

    # The recipe: the first powershell block under "### THE SCRIPT" in the help topic, byte for byte.
    $doc = Get-Content -Raw (Join-Path $PSScriptRoot '../docs/about_MdeSiem_ScheduledRuns.md')
    if ($doc -notmatch '(?s)### THE SCRIPT.*?```powershell\r?\n(?<code>.*?)```') { throw 'The help topic has no script block under ### THE SCRIPT.' }
    $script:Recipe = Join-Path $script:Work 'Invoke-MdeSiemScheduledPull.ps1'
    Set-Content -Path $script:Recipe -Value $Matches.code -NoNewline

    $script:Checkpoint = Join-Path $script:Work 'siem.json'
    $script:Output = Join-Path $script:Work 'detections.csv'

    # One scheduled run: a fresh pwsh that finds the built module by name, with the app's secret in its environment.
    function Invoke-ScheduledRun {
        $exe = [Environment]::ProcessPath
        $arguments = [System.Collections.Generic.List[string]]::new()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments.Add((Join-Path $PSHOME 'pwsh.dll')) }
        $command = "& '$($script:Recipe)' -Checkpoint '$($script:Checkpoint)' -OutputPath '$($script:Output)' " +
            "-ConnectOptions @{ EndpointUri = '$($script:Simulator.baseUri)'; SkipCertificateCheck = `$true; BodyTimeoutSec = 5 } " +
            "-PullOptions @{ SinceTimeUtc = [DateTime]::UtcNow.AddHours(-7); AvailabilityLag = [TimeSpan]::Zero }; exit `$LASTEXITCODE"
        $arguments.AddRange([string[]] @('-NoProfile', '-NonInteractive', '-Command', $command))

        $saved = @{ Path = $env:PSModulePath; Tenant = $env:MDESIEM_TENANT_ID; Client = $env:MDESIEM_CLIENT_ID; Secret = $env:MDESIEM_CLIENT_SECRET }
        try {
            $env:PSModulePath = (Split-Path (Split-Path $env:MDESIEM_MODULE_MANIFEST -Parent) -Parent) + [IO.Path]::PathSeparator + $env:PSModulePath
            $env:MDESIEM_TENANT_ID = $script:Simulator.tenantId
            $env:MDESIEM_CLIENT_ID = $script:Simulator.clientId
            $env:MDESIEM_CLIENT_SECRET = $script:Simulator.clientSecret
            # Plain text: colour codes would only get in the way of matching (and of Pester's XML report).
            $text = ((& $exe @arguments 2>&1 | ForEach-Object { "$_" }) -join "`n") -replace "\e\[[0-9;?]*[A-Za-z]", ''

            [pscustomobject] @{ ExitCode = $LASTEXITCODE; Text = $text }
        }
        finally {
            $env:PSModulePath = $saved.Path
            $env:MDESIEM_TENANT_ID = $saved.Tenant
            $env:MDESIEM_CLIENT_ID = $saved.Client
            $env:MDESIEM_CLIENT_SECRET = $saved.Secret
        }
    }

    function Get-WrittenIds { @(Import-Csv -Path $script:Output | ForEach-Object FullId) }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:Work
}

Describe 'The scheduled-run recipe of about_MdeSiem_ScheduledRuns' {
    It 'is a script that parses' {
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($script:Recipe, [ref] $null, [ref] $errors) | Out-Null
        $errors | Should -BeNullOrEmpty
    }

    It 'fails with exit code 1 when the connection is reset mid-body, keeping what it wrote' {
        Add-MdeSiemSimulatorFault $script:Simulator -Target SiemApi -ResetAfterBytes 200000

        $script:First = Invoke-ScheduledRun

        $script:First.ExitCode | Should -Be 1 -Because $script:First.Text
        $script:First.Text | Should -Match 'MdeSiem\.IncompleteResponse'
        $script:WrittenByFirst = Get-WrittenIds
        $script:WrittenByFirst.Count | Should -BeGreaterThan 0
        $script:WrittenByFirst.Count | Should -BeLessThan $script:ExpectedIds.Count
        $script:WrittenByFirst | ForEach-Object { $_ | Should -BeIn $script:ExpectedIds }
    }

    It 'delivers the rest on the next run, so the file holds every detection exactly once' {
        $second = Invoke-ScheduledRun

        $second.ExitCode | Should -Be 0 -Because $second.Text
        $written = Get-WrittenIds
        ($written | Sort-Object -Unique).Count | Should -Be $written.Count -Because 'no detection may be written twice'
        ($written | Sort-Object) | Should -Be ($script:ExpectedIds | Sort-Object)
    }

    It 'ends a run whose response stalls mid-body with exit code 1 instead of hanging, and repeats nothing' {
        # The overlap window re-reads the last records, so even this run's body is long enough to stall in.
        Add-MdeSiemSimulatorFault $script:Simulator -Target SiemApi -StallAfterBytes 5000 -StallForMilliseconds 30000
        $before = Get-WrittenIds

        $stalled = Invoke-ScheduledRun

        $stalled.ExitCode | Should -Be 1 -Because $stalled.Text
        $stalled.Text | Should -Match 'MdeSiem\.ResponseBodyTimeout'
        Get-WrittenIds | Should -Be $before
    }

    It 'writes nothing more when nothing is new' {
        $before = (Get-WrittenIds).Count

        $third = Invoke-ScheduledRun

        $third.ExitCode | Should -Be 0 -Because $third.Text
        (Get-WrittenIds).Count | Should -Be $before
    }

    It 'exits with 3 and does nothing while another run holds the checkpoint' {
        $lock = "$($script:Checkpoint).lock"
        Set-Content -Path $lock -Value "$([Environment]::MachineName)|$PID|$([DateTime]::UtcNow.ToString('o'))" -NoNewline
        try {
            $locked = Invoke-ScheduledRun
        }
        finally {
            Remove-Item -Force $lock
        }

        $locked.ExitCode | Should -Be 3 -Because $locked.Text
        $locked.Text | Should -Match 'MdeSiem\.CheckpointLocked'
    }

    It 'exits with 2 and leaves a damaged checkpoint untouched' {
        $kept = Get-Content -Raw $script:Checkpoint
        Set-Content -Path $script:Checkpoint -Value '{ damaged' -NoNewline
        try {
            $damaged = Invoke-ScheduledRun
            $damaged.ExitCode | Should -Be 2 -Because $damaged.Text
            $damaged.Text | Should -Match 'MdeSiem\.CheckpointCorrupt'
            Get-Content -Raw $script:Checkpoint | Should -Be '{ damaged'
        }
        finally {
            Set-Content -Path $script:Checkpoint -Value $kept -NoNewline
        }
    }

    It 'exits with 1 when the checkpoint cannot be written, and the next run completes the file exactly once' {
        # A folder where the checkpoint file should go: the run writes its lines, then cannot save the checkpoint.
        $saved = $script:Checkpoint, $script:Output
        $script:Checkpoint = Join-Path $script:Work 'unwritable.json'
        $script:Output = Join-Path $script:Work 'unwritable.csv'
        New-Item -ItemType Directory -Path $script:Checkpoint | Out-Null
        try {
            $blocked = Invoke-ScheduledRun
            $blocked.ExitCode | Should -Be 1 -Because $blocked.Text
            $blocked.Text | Should -Match 'MdeSiem\.CheckpointWriteFailed'

            Remove-Item -Path $script:Checkpoint
            $next = Invoke-ScheduledRun
            $next.ExitCode | Should -Be 0 -Because $next.Text
            $written = Get-WrittenIds
            ($written | Sort-Object -Unique).Count | Should -Be $written.Count -Because 'no detection may be written twice'
            ($written | Sort-Object) | Should -Be ($script:ExpectedIds | Sort-Object)
        }
        finally {
            $script:Checkpoint, $script:Output = $saved
        }
    }

    It 'is shown by Get-Help about_MdeSiem_ScheduledRuns with the script in it' {
        Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
        $text = Get-Help about_MdeSiem_ScheduledRuns | Out-String
        $text | Should -Match 'about_mdesiem_scheduledruns'
        $text | Should -Match 'Get-MdeSiemAlert -Checkpoint \$Checkpoint'
        $text | Should -Match 'Connect-MdeSiem -Identity'
    }

    It 'never shows the client secret' {
        $script:First.Text | Should -Not -Match ([regex]::Escape($script:Simulator.clientSecret))
    }
}
