namespace MdeSiem.Core.Http;

/// <summary>The APIs the module calls, as the names of their call budgets (checkpoint files use <see cref="Checkpoints.CheckpointApiNames"/>).</summary>
public static class ApiNames
{
    public const string SiemAlerts = "SiemAlerts";

    public const string MdeAlerts = "MdeAlerts";

    public const string XdrIncidents = "XdrIncidents";

    public const string GraphSecurity = "GraphSecurity";

    /// <summary>Graph's advanced hunting (runHuntingQuery), which has its own call quota.</summary>
    public const string GraphHunting = "GraphHunting";
}
