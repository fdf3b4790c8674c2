namespace MdeSiem.Simulator.CommandLine;

/// <summary>What the program was asked to do.</summary>
internal sealed class CommandLineArguments
{
    public SimulatorOptions Options { get; } = new();

    public string? AlertsFilePath { get; set; }

    /// <summary>Certificate files (public part: .cer/.crt/.pem) the app accepts client assertions from.</summary>
    public System.Collections.Generic.List<string> CertificatePaths { get; } = [];

    public bool Json { get; set; }

    /// <summary>A storage connection string (an emulator's) to write the Streaming API export into at start.</summary>
    public string? StreamExportConnectionString { get; set; }

    /// <summary>Start the simulated event hub and write its connection string and published records to this file.</summary>
    public string? EventHubFactsPath { get; set; }

    /// <summary>--event-hub-summary: the facts file counts the published records and events instead of listing them.</summary>
    public bool EventHubSummaryOnly { get; set; }

    public bool ExitOnStandardInputClose { get; set; }

    public bool ShowHelp { get; set; }
}
