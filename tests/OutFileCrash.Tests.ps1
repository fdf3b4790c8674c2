# Exactly once to disk under a hard kill. A checkpointed Get-MdeSiemAlert -OutFile pull of several thousand simulated
# detections runs in a child pwsh and is killed with SIGKILL (Stop-Process -Force) at a random point, twenty times,
# then one run is let finish: the file must hold every detection of the simulator's ground truth exactly once, each
# on a whole line. The pipeline recipe (| ConvertTo-MdeSiemJsonLine | Add-Content) goes through the same kills to
# show what that path promises (docs/checkpoints.md): nothing lost but what a torn line swallowed, repeats allowed.
# Expected values come from the file the simulator wrote, never from the module.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport/MdeSiem.TestSupport.psm1') -Force

    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-crash-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $truthFile = Join-Path $script:Work 'expected.json'
    $script:Simulator = Start-MdeSiemSimulator -AlertCount 6000 -Seed 23 -AlertsFile $truthFile -Configuration $env:MDESIEM_BUILD_CONFIGURATION
    $truth = Get-Content -Raw $truthFile | ConvertFrom-Json -NoEnumerate
    $script:ExpectedIds = @($truth | ForEach-Object FullId | Sort-Object)
    $first = ($truth | ForEach-Object { [DateTime]::Parse($_.LastProcessedTimeUtc, [Globalization.CultureInfo]::InvariantCulture, 'AdjustToUniversal') } | Measure-Object -Minimum).Minimum
    $script:Since = $first.AddMinutes(-1).ToString('o', [Globalization.CultureInfo]::InvariantCulture)
    # A fixed seed: the kill points vary from kill to kill, not from test run to test run.
    $script:Random = [Random]::new(4711)

    # Starts one run of $Pull (the tail of a script that has connected) in a fresh pwsh.
    function Start-Run([string] $Pull) {
        $connect = "`$ErrorActionPreference = 'Stop'; Import-Module '$env:MDESIEM_MODULE_MANIFEST'; " +
            "Connect-MdeSiem -TenantId '$($script:Simulator.tenantId)' -ClientId '$($script:Simulator.clientId)' " +
            "-ClientSecret (ConvertTo-SecureString '$($script:Simulator.clientSecret)' -AsPlainText -Force) " +
            "-EndpointUri '$($script:Simulator.baseUri)' -SkipCertificateCheck -WarningAction SilentlyContinue; "
        $exe = [Environment]::ProcessPath
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($exe)
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $startInfo.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        # The error id on stderr, as the scheduled-run recipe writes it.
        $command = "try { $connect $Pull; exit 0 } catch { [Console]::Error.WriteLine(`$_.FullyQualifiedErrorId + ' ' + `$_); exit 1 }"
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-Command', $command)) { $startInfo.ArgumentList.Add($argument) }
        $startInfo.RedirectStandardError = $true
        $startInfo.UseShellExecute = $false
        [System.Diagnostics.Process]::Start($startInfo)
    }

    # Kills runs of $Pull twenty times, then lets one run finish. Most kills come once the file has grown by a random
    # amount (in the middle of writing); every fourth comes after a random time instead, so some land before the first
    # line or while the checkpoint is being written, or at the growth if that comes first: a run left to its time
    # could otherwise write the whole backlog (a fresh pwsh pulls the 6,000 detections in two seconds) and leave the
    # runs after it nothing to be killed in.
    function Invoke-KilledRuns([string] $Pull, [string] $File) {
        $killed = 0
        $midWrite = 0
        for ($i = 0; $i -lt 20; $i++) {
            $before = if (Test-Path $File) { (Get-Item $File).Length } else { 0 }
            $growth = $script:Random.Next(1, 400000)
            $byTime = $i % 4 -eq 3
            $deadline = [DateTime]::UtcNow.AddMilliseconds($(if ($byTime) { $script:Random.Next(300, 4000) } else { 120000 }))
            $process = Start-Run $Pull
            while (-not $process.HasExited) {
                $now = if (Test-Path $File) { (Get-Item $File).Length } else { 0 }
                if ($now -ge $before + $growth -or [DateTime]::UtcNow -ge $deadline) {
                    Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
                    $killed++
                    if ($now -gt $before) { $midWrite++ }
                    break
                }
                Start-Sleep -Milliseconds 2
            }
            $process.WaitForExit()
        }
        $last = Start-Run $Pull
        $last.WaitForExit()
        [pscustomobject] @{ Killed = $killed; MidWrite = $midWrite; ExitCode = $last.ExitCode; Errors = $last.StandardError.ReadToEnd() }
    }

    # Each line of a JSON lines file: its FullId, or $null for a line that is not one whole record.
    function Read-LineIds([string] $File) {
        foreach ($line in [IO.File]::ReadAllLines($File)) {
            try { ($line | ConvertFrom-Json -ErrorAction Stop).FullId } catch { $null }
        }
    }
}

AfterAll {
    if ($script:Simulator) { Stop-MdeSiemSimulator $script:Simulator }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:Work
}

Describe 'Get-MdeSiemAlert -Checkpoint -OutFile under SIGKILL' {
    It 'ends with every detection in the file exactly once, each on a whole line, after twenty kills' {
        $file = Join-Path $script:Work 'out.jsonl'
        $checkpoint = Join-Path $script:Work 'outfile.json'

        $result = Invoke-KilledRuns "Get-MdeSiemAlert -Checkpoint '$checkpoint' -SinceTimeUtc '$($script:Since)' -AvailabilityLag 0 -OutFile '$file'" $file

        $result.ExitCode | Should -Be 0 -Because $result.Errors
        $result.MidWrite | Should -BeGreaterOrEqual 8 -Because 'at least eight runs must be killed while they write, or the test proves little'
        $ids = @(Read-LineIds $file)
        @($ids | Where-Object { $null -eq $_ }).Count | Should -Be 0 -Because 'no line may be torn or glued to another'
        ($ids | Sort-Object) | Should -Be $script:ExpectedIds
        [IO.File]::ReadAllBytes($file)[-1] | Should -Be 10 -Because 'the file ends on a whole line'
        Get-ChildItem $script:Work -Filter '.outfile.json.*.tmp' -Force | Should -BeNullOrEmpty -Because 'leftover checkpoint temporary files are removed'
        Test-Path "$checkpoint.outfile" | Should -BeFalse -Because 'a finished run leaves no journal'
    }

    It 'writes nothing more on a run with nothing new' {
        $file = Join-Path $script:Work 'out.jsonl'
        $checkpoint = Join-Path $script:Work 'outfile.json'
        $before = (Get-Item $file).Length

        $run = Start-Run "Get-MdeSiemAlert -Checkpoint '$checkpoint' -SinceTimeUtc '$($script:Since)' -AvailabilityLag 0 -OutFile '$file'"
        $run.WaitForExit()

        $run.ExitCode | Should -Be 0
        (Get-Item $file).Length | Should -Be $before
    }
}

Describe 'The pipeline recipe (| ConvertTo-MdeSiemJsonLine | Add-Content) under SIGKILL' {
    It 'loses no detection except those glued onto a torn line, and may repeat some, as docs/checkpoints.md says' {
        $file = Join-Path $script:Work 'pipeline.jsonl'
        $checkpoint = Join-Path $script:Work 'pipeline.json'

        $result = Invoke-KilledRuns "Get-MdeSiemAlert -Checkpoint '$checkpoint' -SinceTimeUtc '$($script:Since)' -AvailabilityLag 0 | ConvertTo-MdeSiemJsonLine | Add-Content -Path '$file'" $file

        $result.ExitCode | Should -Be 0 -Because $result.Errors
        $ids = @(Read-LineIds $file)
        $torn = @($ids | Where-Object { $null -eq $_ }).Count
        $present = @($ids | Where-Object { $null -ne $_ } | Sort-Object -Unique)
        $lost = @($script:ExpectedIds | Where-Object { $_ -notin $present }).Count
        $repeated = @($ids | Where-Object { $null -ne $_ }).Count - $present.Count
        Write-Host "  pipeline recipe after $($result.Killed) kills ($($result.MidWrite) while writing): $lost lost, $repeated repeated, $torn torn line(s)"
        $result.MidWrite | Should -BeGreaterOrEqual 8
        $lost | Should -BeLessOrEqual $torn -Because 'a record can only go missing by being appended onto a line a kill cut in half'
        $repeated | Should -BeGreaterThan 0 -Because 'a killed run saves no progress: its records come again (at least once)'
    }
}

Describe 'Get-MdeSiemAlert -Checkpoint -OutFile on a full disk' {
    BeforeAll {
        # A 256 KB tmpfs for the file (the checkpoint stays on the ordinary disk); growing it afterwards with a
        # remount keeps what was written, as freeing space on a real disk would.
        $script:Small = Join-Path $script:Work 'small'
        New-Item -ItemType Directory -Path $script:Small | Out-Null
        $script:Mounted = $false
        if ($IsLinux -and (& id -u) -eq '0') {
            & mount -t tmpfs -o size=256k tmpfs $script:Small 2>$null
            $script:Mounted = $LASTEXITCODE -eq 0
        }
    }

    AfterAll {
        if ($script:Mounted) { & umount $script:Small }
    }

    It 'fails with MdeSiem.OutFileWriteFailed, and the run after space is freed completes the file exactly once' {
        if (-not $script:Mounted) { Set-ItResult -Skipped -Because 'mounting a small tmpfs needs root on Linux'; return }
        $file = Join-Path $script:Small 'full.jsonl'
        $checkpoint = Join-Path $script:Work 'full.json'
        $pull = "Get-MdeSiemAlert -Checkpoint '$checkpoint' -SinceTimeUtc '$($script:Since)' -AvailabilityLag 0 -OutFile '$file'"

        $full = Start-Run $pull
        $errors = $full.StandardError.ReadToEnd()
        $full.WaitForExit()

        $full.ExitCode | Should -Be 1
        $errors | Should -Match 'MdeSiem\.OutFileWriteFailed'
        & mount -o remount,size=64m tmpfs $script:Small
        $next = Start-Run $pull
        $nextErrors = $next.StandardError.ReadToEnd()
        $next.WaitForExit()

        $next.ExitCode | Should -Be 0 -Because $nextErrors
        $ids = @(Read-LineIds $file)
        @($ids | Where-Object { $null -eq $_ }).Count | Should -Be 0
        ($ids | Sort-Object) | Should -Be $script:ExpectedIds
    }
}
