namespace MdeSiem.Simulator.CommandLine;

/// <summary>What the program was asked to do.</summary>
internal sealed class CommandLineArguments
{
    public SimulatorOptions Options { get; } = new();

    public string? AlertsFilePath { get; set; }

    public bool Json { get; set; }

    public bool ExitOnStandardInputClose { get; set; }

    public bool ShowHelp { get; set; }
}
