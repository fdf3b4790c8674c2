<#
.SYNOPSIS
    Packs a built module folder into the .nupkg that Publish-PSResource would upload to the PowerShell Gallery.
.DESCRIPTION
    Offline and without nuget.exe: the package is a zip in the NuGet layout, like the one PSResourceGet makes. The
    module's files sit at the package root (so Install-PSResource / Save-PSResource put them under
    <ModulePath>/<Name>/<Version>/), next to <Name>.nuspec, [Content_Types].xml and _rels/.rels. The nuspec comes
    from the manifest (version, author, description, project and license URIs, release notes, tags) with the tags
    PSResourceGet adds on publish (PSModule, PSCmdlet_*, PSCommand_*, PSIncludes_Cmdlet) so the Gallery can search it.
.OUTPUTS
    System.IO.FileInfo: the .nupkg written.
#>
[CmdletBinding()]
[OutputType([System.IO.FileInfo])]
param(
    # The built module folder, e.g. out/MdeSiem (its manifest is <folder name>.psd1).
    [Parameter(Mandatory)] [string] $ModuleDirectory,
    # Where the .nupkg goes.
    [Parameter(Mandatory)] [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem

$ModuleDirectory = (Resolve-Path $ModuleDirectory).Path
$name = Split-Path $ModuleDirectory -Leaf
$manifest = Import-PowerShellDataFile -Path (Join-Path $ModuleDirectory "$name.psd1")
$psData = $manifest.PrivateData.PSData
$version = $manifest.ModuleVersion
if ($psData.ContainsKey('Prerelease') -and $psData.Prerelease) { $version = "$version-$($psData.Prerelease)" }

function ConvertTo-XmlText([string] $Text) { [System.Security.SecurityElement]::Escape($Text) }

$tags = [System.Collections.Generic.List[string]]::new()
$tags.AddRange([string[]] @($psData.Tags))
$tags.Add('PSModule')
foreach ($cmdlet in $manifest.CmdletsToExport) {
    $tags.Add("PSCmdlet_$cmdlet")
    $tags.Add("PSCommand_$cmdlet")
}
if ($manifest.CmdletsToExport) { $tags.Add('PSIncludes_Cmdlet') }

$nuspec = @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>$(ConvertTo-XmlText $name)</id>
    <version>$(ConvertTo-XmlText $version)</version>
    <authors>$(ConvertTo-XmlText $manifest.Author)</authors>
    <owners>$(ConvertTo-XmlText $manifest.CompanyName)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <license type="expression">MIT</license>
    <licenseUrl>https://licenses.nuget.org/MIT</licenseUrl>
    <projectUrl>$(ConvertTo-XmlText $psData.ProjectUri)</projectUrl>
    <description>$(ConvertTo-XmlText $manifest.Description)</description>
    <releaseNotes>$(ConvertTo-XmlText $psData.ReleaseNotes)</releaseNotes>
    <copyright>$(ConvertTo-XmlText $manifest.Copyright)</copyright>
    <tags>$(ConvertTo-XmlText ($tags -join ' '))</tags>
  </metadata>
</package>
"@

$contentTypes = @'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="psd1" ContentType="application/octet" />
  <Default Extension="dll" ContentType="application/octet" />
  <Default Extension="ps1xml" ContentType="application/octet" />
  <Default Extension="xml" ContentType="application/octet" />
  <Default Extension="txt" ContentType="application/octet" />
  <Default Extension="json" ContentType="application/octet" />
</Types>
'@

$rels = @"
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/$name.nuspec" Id="R$([guid]::NewGuid().ToString('N').Substring(0, 16))" />
</Relationships>
"@

New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
$packagePath = Join-Path (Resolve-Path $OutputDirectory).Path "$name.$version.nupkg"
if (Test-Path $packagePath) { Remove-Item -Force $packagePath }

$zip = [System.IO.Compression.ZipFile]::Open($packagePath, [System.IO.Compression.ZipArchiveMode]::Create)
try {
    function Add-Text([string] $EntryName, [string] $Text) {
        $writer = [System.IO.StreamWriter]::new($zip.CreateEntry($EntryName).Open(), [System.Text.UTF8Encoding]::new($false))
        try { $writer.Write($Text) } finally { $writer.Dispose() }
    }
    Add-Text "$name.nuspec" $nuspec
    Add-Text '[Content_Types].xml' $contentTypes
    Add-Text '_rels/.rels' $rels
    foreach ($file in Get-ChildItem -Path $ModuleDirectory -Recurse -File) {
        # Zip entries use '/' whatever the platform.
        $entryName = $file.FullName.Substring($ModuleDirectory.Length + 1).Replace('\', '/')
        [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $entryName) | Out-Null
    }
}
finally {
    $zip.Dispose()
}

Get-Item $packagePath
