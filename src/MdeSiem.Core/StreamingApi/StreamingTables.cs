using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// The names the Defender XDR Streaming API uses in a storage account: one blob container per Advanced Hunting table,
/// "insights-logs-advancedhunting-" + the table name in lower case, and records whose category is
/// "AdvancedHunting-" + the table name (Microsoft's "Stream Microsoft Defender XDR events to your storage account").
/// </summary>
public static class StreamingTables
{
    public const string ContainerPrefix = "insights-logs-advancedhunting-";

    public const string CategoryPrefix = "AdvancedHunting-";

    public const string AlertInfo = "AlertInfo";

    public const string AlertEvidence = "AlertEvidence";

    public const string DeviceEvents = "DeviceEvents";

    // Blob container names are at most 63 characters.
    private const int MaximumTableNameLength = 63 - 30;

    /// <summary>The tables the Streaming API offers today (others are accepted too: Microsoft adds tables).</summary>
    public static IReadOnlyList<string> Known => KnownTables;

    // An array, so that looking a record's table up in it allocates no enumerator.
    private static readonly string[] KnownTables =
    {
        AlertInfo, AlertEvidence,
        "DeviceInfo", "DeviceNetworkInfo", "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents",
        "DeviceRegistryEvents", "DeviceLogonEvents", "DeviceImageLoadEvents", DeviceEvents, "DeviceFileCertificateInfo",
        "EmailEvents", "EmailUrlInfo", "EmailAttachmentInfo", "EmailPostDeliveryEvents", "UrlClickEvents",
        "IdentityLogonEvents", "IdentityQueryEvents", "IdentityDirectoryEvents", "CloudAppEvents",
    };

    /// <summary>A known table in its documented spelling, or a new table name as given; bad names are an error.</summary>
    public static string Normalize(string table)
    {
        var known = Known.FirstOrDefault(name => string.Equals(name, table, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        if (string.IsNullOrEmpty(table) || table.Length > MaximumTableNameLength || !table.All(IsAsciiLetterOrDigit))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"'{table}' is not an Advanced Hunting table name.")
            {
                RecommendedAction = "Use a table the Streaming API exports, such as " + string.Join(", ", Known.Take(4)) + ".",
                Target = table,
            };
        }

        return table;
    }

    public static string ContainerName(string table) => ContainerPrefix + Normalize(table).ToLowerInvariant();

    /// <summary>The table a record's category names ("AdvancedHunting-AlertInfo" is AlertInfo); null if none.</summary>
    public static string? TableOfCategory(string? category)
    {
        if (category is null || category.Length <= CategoryPrefix.Length || !category.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A known table spelled as documented is its constant: no new string for every record of a hub or blob.
        var length = category.Length - CategoryPrefix.Length;
        foreach (var known in KnownTables)
        {
            if (known.Length == length && string.CompareOrdinal(category, CategoryPrefix.Length, known, 0, length) == 0)
            {
                return known;
            }
        }

        return category.Substring(CategoryPrefix.Length);
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
