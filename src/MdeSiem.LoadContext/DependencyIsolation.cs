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
/// Entry point MdeSiem.Loader.dll calls (by reflection) when the module is imported on .NET. The module's own
/// assemblies (the cmdlets and MdeSiem.Core, whose models are the objects users receive) live in the default context,
/// where PowerShell resolves type literals (<c>[MdeSiem.Core.Siem.MdeSiemAlert]</c>) and <c>-is</c> checks: PowerShell
/// 7 looks for types only in the default context. Only the third-party dependencies (MSAL, Polly, Azure.Storage, ...)
/// load in the private context, handed to the default context when the module's assemblies ask for them.
/// </summary>
/// <remarks>
/// The pattern of "Resolving PowerShell module assembly dependency conflicts"
/// (https://learn.microsoft.com/powershell/scripting/dev-cross-plat/resolving-dependency-conflicts), which
/// PSResourceGet also follows: the module's assembly in the default context, a Resolving handler that answers its
/// dependency references from a private context. .NET raises the default context's Resolving event when an
/// assembly is not found and also when another version of it was loaded there first (the default binder's
/// ref/def mismatch), so an older MSAL another module put in the default context does not stand in for ours. One
/// case the event cannot cover: if a newer version of a dependency was already in the default context before
/// MdeSiem's first use of it, .NET binds the module's reference to that newer version.
/// </remarks>
public static class DependencyIsolation
{
    /// <summary>The module's own assemblies under Dependencies/ that load in the default context.</summary>
    private static readonly string[] SharedAssemblyNames = { "MdeSiem.Core" };

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

            var context = new DependencyLoadContext(dependencyDirectory, SharedAssemblyNames);
            var shared = SharedAssemblyNames.Select(name => Path.Combine(dependencyDirectory, name + ".dll")).ToList();
            // Only the module's own assemblies' references: the default context's Resolving event fires for every
            // assembly of the process that fails to load, and other modules' misses are not ours to answer.
            var referenced = new HashSet<string>(
                shared.Prepend(cmdletAssemblyPath).SelectMany(ReadReferences).Where(context.Owns).Select(n => n.Name!),
                StringComparer.OrdinalIgnoreCase);
            AssemblyLoadContext.Default.Resolving += (_, name) =>
                name.Name is not null && referenced.Contains(name.Name) ? context.LoadFromAssemblyName(name) : null;
            // Loaded now (it is small and the cmdlets' signatures need it at import anyway) so that its types are
            // there for a type literal before the first cmdlet runs.
            foreach (var path in shared)
            {
                AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }

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
