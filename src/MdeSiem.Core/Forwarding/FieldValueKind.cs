namespace MdeSiem.Core.Forwarding;

/// <summary>How a mapped value is written.</summary>
public enum FieldValueKind
{
    /// <summary>As text: times in UTC ISO 8601 with Z, booleans as true/false.</summary>
    Text,

    /// <summary>A time as milliseconds since the Unix epoch (CEF rt).</summary>
    EpochMilliseconds,

    /// <summary>A time in UTC to the millisecond, "yyyy-MM-ddTHH:mm:ss.fffZ" (LEEF devTime with its devTimeFormat).</summary>
    IsoMilliseconds,

    /// <summary>A boolean as 1 or 0 (ArcSight's deviceCustomNumber flags).</summary>
    Flag,
}
