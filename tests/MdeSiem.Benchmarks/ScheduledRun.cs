using System.Collections.Generic;

namespace MdeSiem.Benchmarks;

/// <summary>
/// How the scheduled-run recipe (about_MdeSiem_ScheduledRuns) may start pwsh: with profile-guided recompilation off,
/// since a process that pulls once may not earn back what the instrumented copies of the hot code cost. A module
/// cannot set this for the process it is loaded into, so the "PGO off" rows measure the recipe beside the default.
/// </summary>
internal static class ScheduledRun
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" };

    public const string Detail = "DOTNET_TieredPGO=0, as the scheduled-run recipe starts pwsh";
}
