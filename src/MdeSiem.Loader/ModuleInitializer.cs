using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace MdeSiem.Loader;

/// <summary>
/// Runs when PowerShell imports this nested module, before it loads MdeSiem.dll (whose cmdlets name MdeSiem.Core
/// types), and points assembly resolution at the module's Dependencies folder. Nothing heavy happens here: no MSAL,
/// no HTTP, just a resolver.
/// </summary>
/// <remarks>
/// PowerShell 7.4+ (.NET 8+): MdeSiem.LoadContext.dll puts the third-party dependencies in a private
/// AssemblyLoadContext, so other modules' MSAL or Polly versions do not clash with ours, while MdeSiem.Core (the
/// types users receive) loads in the default context, where PowerShell resolves type literals. Windows PowerShell 5.1 (.NET Framework) has a single load
/// context per AppDomain: the dependencies are loaded from Dependencies/ when first needed, and if another module
/// loaded a different version of the same assembly first, that version is the one used (import MdeSiem first or in a
/// fresh session to avoid it). PowerShell 7.0-7.3 (.NET 6/7 cannot load the net8.0 load context) behave like 5.1.
/// A build without a Dependencies folder (the test host's bin folder) needs neither.
/// </remarks>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private const string DependencyFolderName = "Dependencies";
    private const string LoadContextAssemblyName = "MdeSiem.LoadContext.dll";
    private const string CmdletAssemblyName = "MdeSiem.dll";

    public void OnImport()
    {
        var moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
        if (moduleDirectory is null)
        {
            return;
        }

        var dependencyDirectory = Path.Combine(moduleDirectory, DependencyFolderName);
        if (!Directory.Exists(dependencyDirectory))
        {
            return;
        }

        if (IsNetFramework() || !TryIsolate(moduleDirectory, dependencyDirectory))
        {
            FolderDependencyResolver.Install(dependencyDirectory);
        }
    }

    /// <summary>
    /// Installs the private load context; false when this .NET cannot load MdeSiem.LoadContext (net8.0), i.e.
    /// PowerShell 7.0-7.3, which then share one context as Windows PowerShell does.
    /// </summary>
    private static bool TryIsolate(string moduleDirectory, string dependencyDirectory)
    {
        Assembly loadContext;
        try
        {
            loadContext = Assembly.LoadFrom(Path.Combine(moduleDirectory, LoadContextAssemblyName));
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return false;
        }

        var install = loadContext.GetType("MdeSiem.LoadContext.DependencyIsolation", throwOnError: true)!
            .GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!;
        install.Invoke(null, new object[] { Path.Combine(moduleDirectory, CmdletAssemblyName), dependencyDirectory });
        return true;
    }

    private static bool IsNetFramework() =>
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
}
