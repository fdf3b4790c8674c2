using System;
using System.IO;
using System.Reflection;

namespace MdeSiem.Loader;

/// <summary>
/// Answers the AppDomain's failed loads of assemblies that are in our Dependencies folder, in the one shared load
/// context: on Windows PowerShell 5.1 (.NET Framework has no other), and on a .NET too old for MdeSiem.LoadContext
/// (PowerShell 7.0-7.3). No isolation; see <see cref="ModuleInitializer"/>.
/// </summary>
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
            {
                var path = Path.Combine(dependencyDirectory, new AssemblyName(args.Name).Name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
            _installed = true;
        }
    }
}
