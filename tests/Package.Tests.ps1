# The Gallery package: made from the built module exactly as build.ps1 -Task Package makes it, installed from a
# local folder repository into a temporary module path, and imported by name in a fresh pwsh.

BeforeAll {
    $script:ModuleDir = Split-Path $env:MDESIEM_MODULE_MANIFEST -Parent
    $script:RepoRoot = Split-Path $PSScriptRoot -Parent
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mdesiem-package-$PID"
    $script:Feed = Join-Path $script:Work 'feed'
    $script:ModulePath = Join-Path $script:Work 'modules'
    New-Item -ItemType Directory -Force -Path $script:Feed, $script:ModulePath | Out-Null
    $script:Package = & (Join-Path $script:RepoRoot 'build/New-ModulePackage.ps1') -ModuleDirectory $script:ModuleDir -OutputDirectory $script:Feed
    $script:Manifest = Import-PowerShellDataFile $env:MDESIEM_MODULE_MANIFEST

    # A fresh pwsh: this session has the module loaded from out/ already.
    function Invoke-FreshPwsh([string] $Command) {
        $pwshDll = Join-Path $PSHOME 'pwsh.dll'
        $exe = [Environment]::ProcessPath
        $arguments = [System.Collections.Generic.List[string]]::new()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments.Add($pwshDll) }
        $arguments.AddRange([string[]] @('-NoProfile', '-NonInteractive', '-Command', $Command))
        & $exe @arguments
    }
}

AfterAll {
    if (Get-Command Unregister-PSResourceRepository -ErrorAction SilentlyContinue) {
        Unregister-PSResourceRepository -Name "MdeSiemTest$PID" -ErrorAction SilentlyContinue
    }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $script:Work
}

Describe 'The Gallery package' {
    It 'comes from a manifest with everything the Gallery shows' {
        $info = Test-ModuleManifest -Path $env:MDESIEM_MODULE_MANIFEST -ErrorAction Stop
        $info.Version | Should -BeGreaterThan ([version]'0.0')
        $info.Guid | Should -Not -Be ([guid]::Empty)
        $info.Author | Should -Not -BeNullOrEmpty
        $info.Description | Should -Not -BeNullOrEmpty
        $info.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $info.PowerShellVersion | Should -Be ([version]'5.1')
        $info.Tags | Should -Contain 'Defender'
        $info.ProjectUri | Should -Not -BeNullOrEmpty
        $info.LicenseUri | Should -Not -BeNullOrEmpty
        $info.ReleaseNotes | Should -Not -BeNullOrEmpty
        Join-Path $script:RepoRoot 'LICENSE' | Should -FileContentMatch 'MIT License'
        Join-Path $script:RepoRoot 'CHANGELOG.md' | Should -FileContentMatch ([regex]::Escape("[$($info.Version)]"))
    }

    It 'is named MdeSiem.(version).nupkg and holds a nuspec and the module at its root' {
        $script:Package.Name | Should -Be "MdeSiem.$($script:Manifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package.FullName)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'MdeSiem.nuspec'
        $entries | Should -Contain 'MdeSiem.psd1'
        $entries | Should -Contain 'MdeSiem.dll'
        $entries | Should -Contain 'MdeSiem.Format.ps1xml'
        $entries | Should -Contain 'en-US/MdeSiem.dll-Help.xml'
        $entries | Should -Contain 'en-US/about_MdeSiem.help.txt'
    }

    It 'has a nuspec with the manifest''s version, license, project and a tag per cmdlet' {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package.FullName)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('MdeSiem.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'MdeSiem'
        $metadata.version | Should -Be $script:Manifest.ModuleVersion
        $metadata.license.'#text' | Should -Be 'MIT'
        $metadata.projectUrl | Should -Be $script:Manifest.PrivateData.PSData.ProjectUri
        $tags = $metadata.tags -split ' '
        $tags | Should -Contain 'PSModule'
        foreach ($cmdlet in $script:Manifest.CmdletsToExport) { $tags | Should -Contain "PSCommand_$cmdlet" }
    }

    It 'installs from a local repository with PSResourceGet and imports by name' {
        if (-not (Get-Command Register-PSResourceRepository -ErrorAction SilentlyContinue)) {
            Set-ItResult -Skipped -Because 'PSResourceGet is not available in this PowerShell'
            return
        }
        Register-PSResourceRepository -Name "MdeSiemTest$PID" -Uri $script:Feed -Trusted
        Save-PSResource -Name MdeSiem -Repository "MdeSiemTest$PID" -Path $script:ModulePath -TrustRepository -Quiet
        Join-Path $script:ModulePath "MdeSiem/$($script:Manifest.ModuleVersion)/MdeSiem.psd1" | Should -Exist

        $separator = [IO.Path]::PathSeparator
        $result = Invoke-FreshPwsh @"
`$env:PSModulePath = '$($script:ModulePath)' + '$separator' + `$env:PSModulePath
Import-Module MdeSiem -ErrorAction Stop
`$module = Get-Module MdeSiem
'base=' + `$module.ModuleBase
'commands=' + ((Get-Command -Module MdeSiem).Name -join ',')
'help=' + (Get-Help Connect-MdeSiem).Synopsis
"@
        $result | Should -Contain ('base=' + (Join-Path $script:ModulePath "MdeSiem/$($script:Manifest.ModuleVersion)"))
        $result | Should -Contain ('commands=' + (($script:Manifest.CmdletsToExport | Sort-Object) -join ','))
        ($result | Where-Object { $_ -like 'help=*' }) | Should -Not -Be 'help='
    }
}
