using System;
using System.Collections.Generic;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Migration;

/// <summary>What a migration comparison covers: one time window and the SIEM query's device filters.</summary>
public sealed class MigrationWindow
{
    private DateTime _since;
    private DateTime _until;

    /// <summary>The start (inclusive); a local time is converted, an unspecified one taken as UTC, as for the SIEM query.</summary>
    public DateTime SinceTimeUtc { get => _since; set => _since = SiemAlertQuery.ToUtc(value); }

    /// <summary>The end (exclusive).</summary>
    public DateTime UntilTimeUtc { get => _until; set => _until = SiemAlertQuery.ToUtc(value); }

    public IList<string> MachineGroups { get; } = new List<string>();

    public string? DeviceCreatedMachineTag { get; set; }

    public string? CloudCreatedMachineTag { get; set; }

    /// <summary>Also read the Defender for Endpoint alerts API for the same window.</summary>
    public bool IncludeMdeApi { get; set; }

    /// <summary>How many differing alerts each row keeps as examples.</summary>
    public int MaxExamples { get; set; } = 5;

    public bool Contains(DateTime? timeUtc) => timeUtc is { } time && time >= SinceTimeUtc && time < UntilTimeUtc;

    /// <exception cref="MdeSiemException">InvalidArgument when the window is empty or reversed.</exception>
    public void Validate()
    {
        if (UntilTimeUtc <= SinceTimeUtc)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"The window is empty: UntilTimeUtc ({UntilTimeUtc:o}) must be later than SinceTimeUtc ({SinceTimeUtc:o}).")
            {
                RecommendedAction = "Give -UntilTimeUtc later than -SinceTimeUtc.",
            };
        }

        if (MaxExamples < 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "MaxExamples cannot be negative.");
        }
    }
}
