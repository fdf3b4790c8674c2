# Help as a user sees it: Get-Help in real pwsh against the built module, for every exported cmdlet, and the docs
# checked against the cmdlets' real parameters so a new or renamed parameter without a doc fails here.

BeforeDiscovery {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:Cmdlets = @(Get-Command -Module MdeSiem -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module $env:MDESIEM_MODULE_MANIFEST -Force
    $script:DocsDir = Join-Path (Split-Path $PSScriptRoot -Parent) 'docs'
    $script:Common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    function Get-RealParameterName([string] $Name) {
        @((Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $script:Common } | Sort-Object)
    }

    # The "### -Name" headings of a doc's PARAMETERS section, read independently of the help compiler.
    function Get-DocumentedParameterName([string] $Path) {
        $inParameters = $false
        $inFence = $false
        foreach ($line in Get-Content -Path $Path) {
            if ($line -match '^```') { $inFence = -not $inFence; continue }
            if ($inFence) { continue }
            if ($line -match '^## ') { $inParameters = $line -match '^## PARAMETERS\s*$'; continue }
            if ($inParameters -and $line -match '^### -(\S+)\s*$') { $Matches[1] }
        }
    }
}

Describe 'Help for <Name>' -ForEach $script:Cmdlets {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:DocPath = Join-Path $script:DocsDir "$Name.md"
    }

    It 'has a platyPS doc in docs/' {
        $script:DocPath | Should -Exist
        $frontMatter = (Get-Content -Raw $script:DocPath) -split "\r?\n" | ForEach-Object Trim | Select-Object -First 6
        $frontMatter | Should -Contain 'external help file: MdeSiem.dll-Help.xml'
        $frontMatter | Should -Contain 'schema: 2.0.0'
    }

    It 'shows a synopsis written for it, not the generated syntax' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        $script:Help.Synopsis.Trim() | Should -Not -BeLike "$Name *"
    }

    It 'shows a description' {
        ($script:Help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter the cmdlet has' {
        $described = @{}
        foreach ($parameter in $script:Help.parameters.parameter) {
            $described[$parameter.name] = ($parameter.description.Text -join ' ').Trim()
        }
        foreach ($name in Get-RealParameterName $Name) {
            $described[$name] | Should -Not -BeNullOrEmpty -Because "-$name of $Name needs a description in its doc"
        }
    }

    It 'documents exactly the parameters the cmdlet has' {
        $documented = @(Get-DocumentedParameterName $script:DocPath | Where-Object { $_ -ne 'CommonParameters' -and $_ -notin $script:Common } | Sort-Object)
        $documented | Should -Be (Get-RealParameterName $Name)
    }

    It 'shows at least two examples, each with code' {
        $examples = @($script:Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
        }
    }

    It 'names its output type' {
        ($script:Help.returnValues.returnValue.type.name -join ' ') | Should -Not -BeNullOrEmpty
    }
}

Describe 'The about topic' {
    It 'is shown by Get-Help about_MdeSiem' {
        $text = Get-Help about_MdeSiem | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'Connect-MdeSiem'
    }
}
