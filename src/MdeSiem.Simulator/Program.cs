using System;
using System.IO;
using System.Threading.Tasks;
using MdeSiem.Simulator.CommandLine;

namespace MdeSiem.Simulator;

/// <summary>
/// Runs a simulated tenant until stopped. Exit codes: 0 after a clean stop or --help, 1 if the server could not
/// start, 2 for bad arguments.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (!CommandLineParser.TryParse(args, out CommandLineArguments parsed, out string error))
        {
            await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        if (parsed.ShowHelp)
        {
            Console.WriteLine(UsageText.Text);
            return 0;
        }

        SimulatedTenant tenant;
        try
        {
            tenant = await SimulatedTenant.StartAsync(parsed.Options).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"Could not start the simulator: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (tenant.ConfigureAwait(false))
        {
            foreach (string certificatePath in parsed.CertificatePaths)
            {
                using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certificatePath);
                tenant.RegisterCertificate(certificate);
            }

            string? alertsFile = null;
            if (parsed.AlertsFilePath is { } path)
            {
                alertsFile = Path.GetFullPath(path);
                tenant.WriteAlertsFile(alertsFile);
            }

            if (parsed.StreamExportConnectionString is { } exportTo)
            {
                await StreamingApi.StreamingExport.WriteAllAsync(tenant, exportTo).ConfigureAwait(false);
            }

            await using EventHubs.SimulatedEventHub? hub = parsed.EventHubFactsPath is { } factsPath
                ? EventHubs.EventHubProgramHost.Start(tenant, Path.GetFullPath(factsPath), listRecords: !parsed.EventHubSummaryOnly)
                : null;
            StartupReport.Write(Console.Out, tenant, alertsFile, parsed.Json);
            await ShutdownSignal.WaitAsync(parsed.ExitOnStandardInputClose).ConfigureAwait(false);
        }

        return 0;
    }
}
