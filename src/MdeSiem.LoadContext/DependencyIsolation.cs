using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace MdeSiem.LoadContext;

/// <summary>
/// Entry point MdeSiem.Loader.dll calls (by reflection) when the module is imported on .NET. The cmdlet assembly stays in the
/// default context; the assemblies it references that live in Dependencies/ (MdeSiem.Core, ...) are handed to it
/// from the private context, and everything those load comes from there too.
/// </summary>
public static class DependencyIsolation
{
    private static readonly object Gate = new();
    private static DependencyLoadContext? _context;

    /// <summary>Installs the resolver once per process; later imports (Import-Module -Force) reuse it.</summary>
    public static void Install(string cmdletAssemblyPath, string dependencyDirectory)
    {
        lock (Gate)
        {
            if (_context is not null)
            {
                return;
            }

            var context = new DependencyLoadContext(dependencyDirectory);
            // Only the cmdlet assembly's own references: the default context's Resolving event fires for every
            // assembly of the process that fails to load, and other modules' misses are not ours to answer.
            var referenced = new HashSet<string>(
                ReadReferences(cmdletAssemblyPath).Where(context.Owns).Select(n => n.Name!),
                StringComparer.OrdinalIgnoreCase);
            AssemblyLoadContext.Default.Resolving += (_, name) =>
                name.Name is not null && referenced.Contains(name.Name) ? context.LoadFromAssemblyName(name) : null;
            _context = context;
        }
    }

    /// <summary>The assemblies a file references, read from its metadata without loading it.</summary>
    private static List<AssemblyName> ReadReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToList();
    }

    /// <summary>The private context, for diagnostics and tests (null before the first import).</summary>
    public static AssemblyLoadContext? Context => _context;
}
