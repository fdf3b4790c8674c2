using System;
using System.IO;
using System.Reflection;

namespace MdeSiem.Loader;

/// <summary>
/// Answers the AppDomain's failed loads of assemblies that are in our Dependencies folder, in the one shared load
/// context: on Windows PowerShell 5.1 (.NET Framework has no other), and on a .NET too old for MdeSiem.LoadContext
/// (PowerShell 7.0-7.3). No isolation; see <see cref="ModuleInitializer"/>.
/// </summary>
/// <remarks>
/// It answers by simple name, whatever version was asked for: .NET Framework has no binding redirects for a
/// module's dependencies, so a reference to System.Memory 4.0.1.1 from one package and 4.0.1.2 from another must
/// both get the one copy we ship. tests/MdeSiem.Tests/Compatibility checks that every version mismatch between the
/// shipped assemblies is answered here with a version at least as new as the one asked for.
/// </remarks>
internal static class FolderDependencyResolver
{
    private static readonly object Gate = new();
    private static bool _installed;

    public static void Install(string dependencyDirectory)
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
                PathFor(dependencyDirectory, args.Name) is { } path ? Assembly.LoadFrom(path) : null;
            _installed = true;
        }
    }

    /// <summary>The file in the Dependencies folder that answers a request for <paramref name="assemblyName"/>, or null.</summary>
    internal static string? PathFor(string dependencyDirectory, string assemblyName)
    {
        var path = Path.Combine(dependencyDirectory, new AssemblyName(assemblyName).Name + ".dll");
        return File.Exists(path) ? path : null;
    }
}
