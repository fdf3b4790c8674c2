using System;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// What one kind of checkpointed pull needs to know about its records: the API name written into the file (so a
/// file of another API is refused), the pull's filters in a stable text form (another scope is another
/// checkpoint), a record's delivery key, and the time the watermark is on. The SIEM API, Graph alerts and Graph
/// incidents each describe themselves with one of these; the run itself is the same for all.
/// </summary>
/// <typeparam name="T">The record type the pull yields.</typeparam>
public sealed class CheckpointScope<T>
{
    private readonly Func<T, string> _keyOf;
    private readonly Func<T, DateTime?> _timeOf;

    public CheckpointScope(string api, string description, Func<T, string> keyOf, Func<T, DateTime?> timeOf)
    {
        Api = string.IsNullOrEmpty(api) ? throw new ArgumentNullException(nameof(api)) : api;
        Description = description ?? string.Empty;
        _keyOf = keyOf ?? throw new ArgumentNullException(nameof(keyOf));
        _timeOf = timeOf ?? throw new ArgumentNullException(nameof(timeOf));
    }

    /// <summary>The "api" of the checkpoint file, e.g. SiemAlerts, GraphAlerts, GraphIncidents.</summary>
    public string Api { get; }

    /// <summary>The "scope" of the checkpoint file: the pull's filters.</summary>
    public string Description { get; }

    /// <summary>The key a delivered record is remembered by.</summary>
    public string KeyOf(T record) => _keyOf(record);

    /// <summary>The record's value of the watermark property.</summary>
    public DateTime? TimeOf(T record) => _timeOf(record);
}
