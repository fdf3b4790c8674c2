using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace MdeSiem.LoadContext;

/// <summary>
/// Loads the module's third-party dependencies from its Dependencies folder, privately: a module that loaded another
/// MSAL (Az.Accounts, Microsoft.Graph.Authentication) keeps its copy and we keep ours. The module's own assemblies
/// there (MdeSiem.Core) are not ours to load: they live in the default context, so that PowerShell can name their
/// types, and a dependency that refers back to them gets that one copy. Assemblies the runtime itself
/// provides (the trusted platform assemblies: System.Memory, System.Text.Json, ...) come from the default context,
/// whose versions are never older than the netstandard2.0 packages we carry, so framework types such as Span are
/// the same types on both sides.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly HashSet<string> _notOurs;

    public DependencyLoadContext(string directory, IEnumerable<string> defaultContextAssemblies)
        : base("MdeSiem", isCollectible: false)
    {
        _directory = directory;
        _notOurs = ReadPlatformAssemblyNames();
        _notOurs.UnionWith(defaultContextAssemblies);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is ours to load: a file in the Dependencies folder that is neither a framework
    /// assembly nor one of the module's own assemblies the default context holds.
    /// </summary>
    public bool Owns(AssemblyName name) =>
        name.Name is not null && !_notOurs.Contains(name.Name) && File.Exists(PathOf(name.Name));

    protected override Assembly? Load(AssemblyName assemblyName) =>
        Owns(assemblyName) ? LoadFromAssemblyPath(PathOf(assemblyName.Name!)) : null;

    private string PathOf(string simpleName) => Path.Combine(_directory, simpleName + ".dll");

    private static HashSet<string> ReadPlatformAssemblyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return names;
    }
}
