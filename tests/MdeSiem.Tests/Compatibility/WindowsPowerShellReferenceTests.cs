using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MdeSiem.Loader;
using Xunit;
using Xunit.Abstractions;

namespace MdeSiem.Tests.Compatibility;

/// <summary>
/// Windows PowerShell 5.1, checked without it: every assembly the module ships must find each assembly it
/// references in .NET Framework 4.7.2 (its reference assemblies, the oldest framework the manifest allows), in
/// PowerShell itself, or in the module's own Dependencies/; and where a reference asks for another version than the
/// one shipped, the loader's AssemblyResolve handler must answer it with a version at least as new.
/// </summary>
public sealed class WindowsPowerShellReferenceTests
{
    // MdeSiem.psd1: DotNetFrameworkVersion = '4.7.2'.
    private static readonly string FrameworkFolder = ShippedModule.Package(
        "Microsoft.NETFramework.ReferenceAssemblies.net472", "1.0.3", "build", ".NETFramework", "v4.7.2");

    // What Windows PowerShell itself provides to a module (the cmdlets compile against PowerShellStandard.Library).
    private static readonly string[] HostAssemblies = { "System.Management.Automation" };

    // net8.0 only: the loader loads it on .NET 8+ and never on .NET Framework (ModuleInitializer.IsNetFramework).
    private const string DotNetOnlyAssembly = "MdeSiem.LoadContext";

    private readonly ITestOutputHelper _output;

    public WindowsPowerShellReferenceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_reference_of_every_shipped_assembly_resolves_on_NET_Framework_4_7_2()
    {
        var framework = ShippedModule.ReferenceAssemblies(FrameworkFolder);
        var shipped = ShippedModule.Assemblies();
        Assert.Contains("MdeSiem.Core", shipped.Keys);
        var unresolved = new List<string>();
        var mismatches = new List<(string From, string Reference, Version Asked, Version Shipped)>();

        foreach (var (name, path) in shipped.Where(pair => pair.Key != DotNetOnlyAssembly))
        {
            foreach (var reference in ShippedModule.References(path))
            {
                var asked = reference.Version ?? new Version(0, 0);
                if (HostAssemblies.Contains(reference.Name, StringComparer.OrdinalIgnoreCase)
                    || (framework.TryGetValue(reference.Name!, out var inFramework) && inFramework >= asked))
                {
                    continue;
                }

                if (!shipped.TryGetValue(reference.Name!, out var shippedPath))
                {
                    unresolved.Add($"{name} -> {reference.FullName}");
                    continue;
                }

                var shippedVersion = ShippedModule.Identity(shippedPath).Version!;
                if (shippedVersion != asked)
                {
                    mismatches.Add((name, reference.Name!, asked, shippedVersion));
                }
            }
        }

        foreach (var mismatch in mismatches)
        {
            _output.WriteLine($"{mismatch.From} asks for {mismatch.Reference} {mismatch.Asked}; Dependencies/ has {mismatch.Shipped}");
        }

        Assert.True(unresolved.Count == 0, "Unresolved on .NET Framework 4.7.2:\n" + string.Join("\n", unresolved));
        Assert.All(mismatches, mismatch =>
        {
            var answer = FolderDependencyResolver.PathFor(ShippedModule.DependencyDirectory, $"{mismatch.Reference}, Version={mismatch.Asked}");
            Assert.NotNull(answer);
            Assert.True(ShippedModule.Identity(answer!).Version >= mismatch.Asked, $"{mismatch.Reference}: {mismatch.Asked} asked, {mismatch.Shipped} shipped");
        });
    }

    [Fact]
    public void The_framework_reference_assemblies_are_the_ones_restored()
    {
        // Guards the check above against an empty or wrong folder (it would then fail for every reference anyway).
        var framework = ShippedModule.ReferenceAssemblies(FrameworkFolder);
        Assert.Equal(new Version(4, 0, 0, 0), framework["mscorlib"]);
        Assert.Equal(new Version(2, 0, 0, 0), framework["netstandard"]);
        Assert.True(File.Exists(Path.Combine(ShippedModule.DependencyDirectory, "MdeSiem.Core.dll")));
    }
}
