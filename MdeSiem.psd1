@{
    RootModule           = 'MdeSiem.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0e7c1a-3d5b-4f4e-9a63-1c2b8e5d7a41'
    Author               = 'MdeSiem contributors'
    CompanyName          = 'MdeSiem'
    Copyright            = '(c) MdeSiem contributors. MIT License.'
    Description          = 'Pull Microsoft Defender for Endpoint detections and Defender XDR / Microsoft Graph security alerts into scripts and SIEM pipelines, and migrate from the legacy SIEM API to Graph.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('MdeSiem.Format.ps1xml', 'DefenderAlert.Format.ps1xml', 'MdeAlert.Format.ps1xml', 'StreamEvent.Format.ps1xml')
    # Imported before RootModule: resolves MdeSiem.Core, MSAL, ... from Dependencies/ (a private load context on
    # PowerShell 7). See src/MdeSiem.Loader.
    NestedModules        = @('MdeSiem.Loader.dll')
    CmdletsToExport      = @(
        'Connect-MdeSiem'
        'Disconnect-MdeSiem'
        'Get-MdeSiemAlert'
        'ConvertTo-MdeSiemCef'
        'ConvertTo-MdeSiemLeef'
        'ConvertTo-MdeSiemJsonLine'
        'Send-MdeSiemSyslog'
        'Get-DefenderAlert'
        'Get-DefenderIncident'
        'Update-DefenderAlert'
        'ConvertTo-GraphAlert'
        'ConvertTo-MdeSiemAlert'
        'Get-MdeSiemConnection'
        'Get-MdeAlert'
        'Update-MdeAlert'
        'Get-MdeIncident'
        'Get-DefenderStreamEvent'
        'Find-MdeSiemRetiredApi'
        'Update-DefenderIncident'
        'Update-MdeIncident'
        'Invoke-DefenderHuntingQuery'
        'Compare-MdeSiemMigration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Defender', 'MDE', 'SIEM', 'Security', 'Graph', 'XDR', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/mdesiem/MdeSiem'
            LicenseUri   = 'https://github.com/mdesiem/MdeSiem/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Connect-MdeSiem (client secret or PSCredential, regions, US Government clouds) and Get-MdeSiemAlert (streaming SIEM API pulls with retries); help, views and tab completion. Full history: https://github.com/mdesiem/MdeSiem/blob/main/CHANGELOG.md'
        }
    }
}
