using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MdeSiem.Tests.Compatibility;

/// <summary>
/// The built module folder (out/MdeSiem) and reference assemblies of the runtimes it must load in, read from their
/// metadata with System.Reflection.Metadata (nothing is loaded).
/// </summary>
internal static class ShippedModule
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "out", "MdeSiem");

    public static string DependencyDirectory => Path.Combine(Directory, "Dependencies");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Every assembly the module ships (root and Dependencies/), by simple name.</summary>
    public static IReadOnlyDictionary<string, string> Assemblies() =>
        System.IO.Directory.GetFiles(Directory, "*.dll").Concat(System.IO.Directory.GetFiles(DependencyDirectory, "*.dll"))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => path, StringComparer.OrdinalIgnoreCase);

    /// <summary>Name and version of the assembly a file defines.</summary>
    public static AssemblyName Identity(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        return reader.GetMetadataReader().GetAssemblyDefinition().GetAssemblyName();
    }

    /// <summary>The assemblies a file references.</summary>
    public static IReadOnlyList<AssemblyName> References(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToList();
    }

    /// <summary>Simple name to version of every reference assembly in a folder (and its Facades/ when it has one).</summary>
    public static IReadOnlyDictionary<string, Version> ReferenceAssemblies(string folder)
    {
        var facades = Path.Combine(folder, "Facades");
        var files = System.IO.Directory.GetFiles(folder, "*.dll")
            .Concat(System.IO.Directory.Exists(facades) ? System.IO.Directory.GetFiles(facades, "*.dll") : Array.Empty<string>());
        var versions = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            // A few files there are not assemblies (native helpers, modules): nothing can reference them by name.
            using var reader = new PEReader(File.OpenRead(file));
            if (!reader.HasMetadata || !reader.GetMetadataReader().IsAssembly)
            {
                continue;
            }

            var name = reader.GetMetadataReader().GetAssemblyDefinition().GetAssemblyName();
            versions[name.Name!] = name.Version!;
        }

        return versions;
    }

    /// <summary>A package folder in the NuGet cache, restored by the test project's PackageDownload items.</summary>
    public static string Package(string id, string version, params string[] path)
    {
        var root = typeof(ShippedModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;
        return Path.Combine(new[] { root, id.ToLowerInvariant(), version }.Concat(path).ToArray());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MdeSiem.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MdeSiem.sln not found above " + AppContext.BaseDirectory);
    }
}
