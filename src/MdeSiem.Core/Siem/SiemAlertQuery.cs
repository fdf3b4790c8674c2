using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Xml;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Siem;

/// <summary>
/// The SIEM API's query parameters. Validation happens here, before any request, so a bad combination is an
/// argument error rather than a 400 from the service after a token round trip.
/// </summary>
public sealed class SiemAlertQuery
{
    /// <summary>Lower bound on LastProcessedTimeUtc. Without any time bound the service returns the last 2 hours.</summary>
    public DateTime? SinceTimeUtc { get; set; }

    /// <summary>Upper bound on LastProcessedTimeUtc; the service's default is now.</summary>
    public DateTime? UntilTimeUtc { get; set; }

    /// <summary>A window ending now; cannot be combined with the explicit bounds.</summary>
    public TimeSpan? Ago { get; set; }

    /// <summary>Keep only the most recent N records of the window.</summary>
    public int? Limit { get; set; }

    /// <summary>Device groups to include; empty means all.</summary>
    public IList<string> MachineGroups { get; } = new List<string>();

    public string? DeviceCreatedMachineTag { get; set; }

    public string? CloudCreatedMachineTag { get; set; }

    /// <summary>Throws <see cref="ErrorCode.InvalidArgument"/> for combinations the service would reject.</summary>
    /// <summary>The same query over another time window (a checkpointed run's), leaving this one as it is.</summary>
    public SiemAlertQuery ForWindow(DateTime sinceUtc, DateTime untilUtc)
    {
        var window = new SiemAlertQuery
        {
            SinceTimeUtc = sinceUtc,
            UntilTimeUtc = untilUtc,
            Limit = Limit,
            DeviceCreatedMachineTag = DeviceCreatedMachineTag,
            CloudCreatedMachineTag = CloudCreatedMachineTag,
        };
        foreach (var group in MachineGroups)
        {
            window.MachineGroups.Add(group);
        }

        return window;
    }

    public void Validate()
    {
        if (Ago.HasValue && (SinceTimeUtc.HasValue || UntilTimeUtc.HasValue))
        {
            throw Invalid("Ago cannot be combined with SinceTimeUtc or UntilTimeUtc.", "Use either -Ago, or -SinceTimeUtc and -UntilTimeUtc.");
        }

        if (Ago.HasValue && Ago.Value <= TimeSpan.Zero)
        {
            throw Invalid($"Ago must be a positive duration; got {Ago.Value}.", "Pass a duration such as (New-TimeSpan -Minutes 10).");
        }

        if (SinceTimeUtc.HasValue && UntilTimeUtc.HasValue && ToUtc(UntilTimeUtc.Value) < ToUtc(SinceTimeUtc.Value))
        {
            throw Invalid("UntilTimeUtc is earlier than SinceTimeUtc.", "Swap the two times.");
        }

        if (Limit.HasValue && Limit.Value < 1)
        {
            throw Invalid($"Limit must be at least 1; got {Limit.Value}.", "Omit -Limit to get every record of the window.");
        }
    }

    /// <summary>The query string, starting with '?', or empty when no parameter is set. Times are sent as UTC.</summary>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        void Add(string name, string value)
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        if (SinceTimeUtc.HasValue)
        {
            Add("sinceTimeUtc", FormatTime(SinceTimeUtc.Value));
        }

        if (UntilTimeUtc.HasValue)
        {
            Add("untilTimeUtc", FormatTime(UntilTimeUtc.Value));
        }

        if (Ago.HasValue)
        {
            Add("ago", XmlConvert.ToString(Ago.Value));
        }

        if (Limit.HasValue)
        {
            Add("limit", Limit.Value.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var group in MachineGroups)
        {
            Add("machinegroups", group);
        }

        if (!string.IsNullOrEmpty(DeviceCreatedMachineTag))
        {
            Add("DeviceCreatedMachineTags", DeviceCreatedMachineTag!);
        }

        if (!string.IsNullOrEmpty(CloudCreatedMachineTag))
        {
            Add("CloudCreatedMachineTags", CloudCreatedMachineTag!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A local time (Get-Date, or a string with an offset) is converted; a time without a kind is taken as UTC,
    /// as the parameter names say.
    /// </summary>
    internal static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string FormatTime(DateTime value) =>
        ToUtc(value).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static MdeSiemException Invalid(string message, string action) =>
        new(ErrorCode.InvalidArgument, message) { RecommendedAction = action };
}
