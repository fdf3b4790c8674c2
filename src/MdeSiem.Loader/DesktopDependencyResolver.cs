using System;
using System.IO;
using System.Reflection;

namespace MdeSiem.Loader;

/// <summary>
/// Windows PowerShell 5.1: answers the AppDomain's failed loads of assemblies that are in our Dependencies folder.
/// There is no isolation on .NET Framework; see <see cref="ModuleInitializer"/>.
/// </summary>
internal static class DesktopDependencyResolver
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
