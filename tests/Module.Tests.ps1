# The built module folder is what a user installs: check it the way PowerShell will.

BeforeAll {
    $script:Manifest = $env:MDESIEM_MODULE_MANIFEST
    $script:ModuleDir = Split-Path $script:Manifest -Parent
    $script:RepoRoot = Split-Path $PSScriptRoot -Parent
}

Describe 'The built module' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path $script:Manifest -ErrorAction Stop
        $info.Name | Should -Be 'MdeSiem'
        $info.CompatiblePSEditions | Should -Contain 'Desktop'
        $info.CompatiblePSEditions | Should -Contain 'Core'
        $info.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'exports exactly the cmdlets its manifest names, without wildcards' {
        $data = Import-PowerShellDataFile -Path $script:Manifest
        $data.CmdletsToExport | Should -Not -Contain '*'
        Import-Module $script:Manifest -Force
        $exported = (Get-Command -Module MdeSiem).Name | Sort-Object
        $exported | Should -Be ($data.CmdletsToExport | Sort-Object)
    }

    It 'does not ship the System.Management.Automation reference assembly' {
        Join-Path $script:ModuleDir 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'declares an output type on every cmdlet' {
        Import-Module $script:Manifest -Force
        foreach ($command in Get-Command -Module MdeSiem) {
            $command.OutputType | Should -Not -BeNullOrEmpty -Because "$($command.Name) should say what it emits"
        }
    }
}

Describe 'PowerShell sources of the repository' {
    It 'parse without errors: <_>' -ForEach @(
        Get-ChildItem -Path (Split-Path $PSScriptRoot -Parent) -Recurse -Include *.ps1, *.psm1, *.psd1 -File |
            Where-Object { $_.FullName -notmatch '[\\/](out|bin|obj|node_modules)[\\/]' } |
            ForEach-Object { $_.FullName }
    ) {
        $tokens = $null
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($_, [ref] $tokens, [ref] $errors) | Out-Null
        $errors | Should -BeNullOrEmpty
    }
}
