namespace MdeSiem.Core.Migration;

/// <summary>Where a surface stands in Microsoft's retirement of it.</summary>
public enum RetirementStatus
{
    /// <summary>Announced as going away on a date still ahead; it still answers.</summary>
    Retiring,

    /// <summary>Declared deprecated: it still answers, but Microsoft may turn it off without further notice.</summary>
    Deprecated,

    /// <summary>Past its retirement date: it stops (or has stopped) returning data.</summary>
    Retired,
}
