using System;
using System.Collections.Generic;
using System.Globalization;

namespace MdeSiem.Simulator.CommandLine;

/// <summary>Parses the program's few options by hand: the simulator takes no package beyond the shared framework.</summary>
internal static class CommandLineParser
{
    public static bool TryParse(IReadOnlyList<string> args, out CommandLineArguments parsed, out string error)
    {
        parsed = new CommandLineArguments();
        error = "";
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    parsed.ShowHelp = true;
                    break;
                case "--json":
                    parsed.Json = true;
                    break;
                case "--test-control":
                    parsed.Options.EnableTestControl = true;
                    break;
                case "--graph-divergences":
                    parsed.Options.GraphDivergences = true;
                    break;
                case "--event-hub-summary":
                    parsed.EventHubSummaryOnly = true;
                    break;
                case "--graph-rate-limit-window-ms":
                    if (!TryTakeValue(args, ref i, out string windowText, out error))
                    {
                        return false;
                    }

                    SimulatorOptions limited = parsed.Options;
                    if (!TryInteger(windowText, 1, int.MaxValue, value => limited.GraphRateLimitWindow = TimeSpan.FromMilliseconds(value)))
                    {
                        error = $"Invalid value '{windowText}' for '{name}'.";
                        return false;
                    }

                    break;
                case "--now":
                    if (!TryTakeValue(args, ref i, out string nowText, out error))
                    {
                        return false;
                    }

                    if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset now))
                    {
                        error = $"Invalid value '{nowText}' for '{name}'.";
                        return false;
                    }

                    parsed.Options.Clock = new StartingClock(now);
                    break;
                case "--exit-on-stdin-close":
                    parsed.ExitOnStandardInputClose = true;
                    break;
                case "--write-alerts":
                    if (!TryTakeValue(args, ref i, out string path, out error))
                    {
                        return false;
                    }

                    parsed.AlertsFilePath = path;
                    break;
                case "--stream-export":
                    if (!TryTakeValue(args, ref i, out string connectionString, out error))
                    {
                        return false;
                    }

                    parsed.StreamExportConnectionString = connectionString;
                    break;
                case "--event-hub":
                    if (!TryTakeValue(args, ref i, out string factsPath, out error))
                    {
                        return false;
                    }

                    parsed.EventHubFactsPath = factsPath;
                    break;
                case "--certificate":
                    if (!TryTakeValue(args, ref i, out string certificatePath, out error))
                    {
                        return false;
                    }

                    parsed.CertificatePaths.Add(certificatePath);
                    break;
                case "--port" or "--alerts" or "--seed" or "--span-hours" or "--token-lifetime-seconds" or "--hunting-row-limit":
                    if (!TryTakeValue(args, ref i, out string text, out error) || !TryApplyNumber(parsed.Options, name, text, out error))
                    {
                        return false;
                    }

                    break;
                default:
                    error = $"Unknown argument '{name}'. Use --help for usage.";
                    return false;
            }
        }

        return true;
    }

    private static bool TryTakeValue(IReadOnlyList<string> args, ref int i, out string value, out string error)
    {
        value = "";
        error = "";
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            error = $"Option '{args[i]}' needs a value.";
            return false;
        }

        value = args[++i];
        return true;
    }

    private static bool TryApplyNumber(SimulatorOptions options, string name, string text, out string error)
    {
        error = "";
        bool valid = name switch
        {
            "--port" => TryInteger(text, 0, 65535, value => options.Port = value),
            "--alerts" => TryInteger(text, 0, int.MaxValue, value => options.AlertCount = value),
            "--seed" => TryInteger(text, int.MinValue, int.MaxValue, value => options.Seed = value),
            "--token-lifetime-seconds" => TryInteger(text, 1, int.MaxValue, value => options.TokenLifetime = TimeSpan.FromSeconds(value)),
            "--hunting-row-limit" => TryInteger(text, 1, int.MaxValue, value => options.HuntingRowLimit = value),
            _ => TryPositiveHours(text, options),
        };
        if (!valid)
        {
            error = $"Invalid value '{text}' for '{name}'.";
        }

        return valid;
    }

    private static bool TryInteger(string text, int minimum, int maximum, Action<int> apply)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < minimum || value > maximum)
        {
            return false;
        }

        apply(value);
        return true;
    }

    private static bool TryPositiveHours(string text, SimulatorOptions options)
    {
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double hours) || hours <= 0 || hours > 24 * 3650)
        {
            return false;
        }

        options.Span = TimeSpan.FromHours(hours);
        return true;
    }
}
