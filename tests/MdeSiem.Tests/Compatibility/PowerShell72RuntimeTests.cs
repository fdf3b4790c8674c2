using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace MdeSiem.Tests.Compatibility;

/// <summary>
/// PowerShell 7.2 (Azure Automation's PowerShell 7.2 runtime) runs on .NET 6, which provides some of the module's
/// dependencies itself in an older version than the module ships. The README's "Dependencies and other modules"
/// section lists them; this test computes the list from .NET 6's reference assemblies and the built module and
/// fails when the two differ.
/// </summary>
public sealed class PowerShell72RuntimeTests
{
    // The last .NET 6 servicing release, the runtime of PowerShell 7.2's last releases.
    private static readonly string Net6Folder = ShippedModule.Package("Microsoft.NETCore.App.Ref", "6.0.36", "ref", "net6.0");

    [Fact]
    public void The_README_lists_each_dependency_NET_6_provides_in_an_older_version()
    {
        var runtime = ShippedModule.ReferenceAssemblies(Net6Folder);
        Assert.Equal(new Version(6, 0, 0, 0), runtime["System.Runtime"]);
        var expected = Directory.GetFiles(ShippedModule.DependencyDirectory, "*.dll")
            .Select(ShippedModule.Identity)
            .Where(shipped => runtime.TryGetValue(shipped.Name!, out var provided) && provided < shipped.Version)
            .Select(shipped => $"{shipped.Name} {shipped.Version} {runtime[shipped.Name!]}")
            .OrderBy(row => row, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);

        Assert.Equal(expected, ReadmeRows());
    }

    /// <summary>Rows of the README table "| `Name` | shipped | .NET 6 |" under "Dependencies and other modules".</summary>
    private static List<string> ReadmeRows()
    {
        var readme = File.ReadAllText(Path.Combine(ShippedModule.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Dependencies and other modules", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no 'Dependencies and other modules' section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = end < 0 ? readme.Substring(start) : readme.Substring(start, end - start);
        return Regex.Matches(section, @"^\| `([\w.]+)` \| ([\d.]+) \| ([\d.]+) \|", RegexOptions.Multiline)
            .Select(match => $"{match.Groups[1].Value} {match.Groups[2].Value} {match.Groups[3].Value}")
            .OrderBy(row => row, StringComparer.Ordinal)
            .ToList();
    }
}
