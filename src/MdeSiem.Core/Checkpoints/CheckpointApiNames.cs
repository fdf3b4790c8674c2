namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// The names written into a checkpoint file's "api" field: which pull a checkpoint belongs to. They are part of the
/// file format, so they never change, whatever the call budgets (<see cref="Http.ApiNames"/>) are called; the two
/// sets started out as the same strings, and a file written then must still load.
/// </summary>
public static class CheckpointApiNames
{
    public const string SiemAlerts = "SiemAlerts";

    public const string MdeAlerts = "MdeAlerts";

    public const string XdrIncidents = "XdrIncidents";

    public const string GraphAlerts = "GraphAlerts";

    public const string GraphIncidents = "GraphIncidents";
}
