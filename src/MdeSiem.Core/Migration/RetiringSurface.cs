using System;
using System.Globalization;

namespace MdeSiem.Core.Migration;

/// <summary>
/// One API (or cmdlet family) that Microsoft has deprecated, is retiring or has retired: when, who says so, and what to
/// use instead. The rows live in <see cref="RetiringSurfaces"/>, shared by the scanner and the cmdlets' warnings.
/// </summary>
public sealed class RetiringSurface
{
    internal RetiringSurface(string name, RetirementStatus status, DateTime retirementDate, string source, string sourceUrl, string replacement, string example)
    {
        Name = name;
        Status = status;
        RetirementDate = DateTime.SpecifyKind(retirementDate, DateTimeKind.Utc);
        Source = source;
        SourceUrl = sourceUrl;
        Replacement = replacement;
        Example = example;
    }

    /// <summary>The surface as Microsoft names it, e.g. "Defender for Endpoint SIEM API".</summary>
    public string Name { get; }

    public RetirementStatus Status { get; }

    /// <summary>The day the surface stops (or may stop) answering, UTC midnight.</summary>
    public DateTime RetirementDate { get; }

    /// <summary>Who says so: the announcement or page, in words.</summary>
    public string Source { get; }

    public string SourceUrl { get; }

    /// <summary>What to use instead: the module's cmdlet when it has one.</summary>
    public string Replacement { get; }

    /// <summary>One line that does the job with the replacement.</summary>
    public string Example { get; }

    /// <summary>The date as people write it in prose ("1 February 2027").</summary>
    public string RetirementDateText => RetirementDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The one-sentence warning a cmdlet that calls this surface writes once per session.</summary>
    public string WarningText => Status switch
    {
        RetirementStatus.Deprecated => $"Microsoft has deprecated the {Name} and may turn it off without notice from {RetirementDateText} ({Source}). Move to {Replacement}, for example: {Example}",
        RetirementStatus.Retired => $"Microsoft retired the {Name} on {RetirementDateText} ({Source}). Move to {Replacement}, for example: {Example}",
        _ => $"Microsoft retires the {Name} on {RetirementDateText} ({Source}). Move to {Replacement}, for example: {Example}",
    };

    public override string ToString() => Name;
}
