using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Migration;

/// <summary>Reads Graph alert properties as comparable text: one canonical form for times, sets and evidence fields.</summary>
internal static class GraphValueText
{
    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static string? Time(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    /// <summary>The distinct non-empty values, sorted ordinally and joined: evidence order is not a difference.</summary>
    public static string? Set(IEnumerable<string?> values)
    {
        var distinct = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join("; ", distinct);
    }

    public static DeviceEvidence? Device(DefenderAlert alert) => alert.Evidence.OfType<DeviceEvidence>().FirstOrDefault();

    /// <summary>The files of file evidence and the image files of process evidence.</summary>
    public static IEnumerable<FileDetails> Files(DefenderAlert alert) =>
        alert.Evidence.Select(e => e switch { FileEvidence f => f.FileDetails, ProcessEvidence p => p.ImageFile, _ => null }).Where(f => f is not null)!;

    /// <summary>The user accounts of user evidence and of process evidence.</summary>
    public static IEnumerable<UserAccount> Users(DefenderAlert alert) =>
        alert.Evidence.Select(e => e switch { UserEvidence u => u.UserAccount, ProcessEvidence p => p.UserAccount, _ => null }).Where(u => u is not null)!;

    /// <summary>The file and process evidence, which carry remediation and detection status.</summary>
    public static IEnumerable<AlertEvidence> Detections(DefenderAlert alert) =>
        alert.Evidence.Where(e => e is FileEvidence or ProcessEvidence);

    public static string? DetectionStatus(AlertEvidence evidence) => evidence switch
    {
        FileEvidence f => f.DetectionStatus,
        ProcessEvidence p => p.DetectionStatus,
        _ => null,
    };
}
