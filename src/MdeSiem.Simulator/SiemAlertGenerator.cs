using System;
using System.Collections.Generic;
using MdeSiem.Simulator.Generation;

namespace MdeSiem.Simulator;

/// <summary>
/// The simulated tenant's detections, defined by (seed, count, end time, span) and addressed by index. Records are
/// computed on demand, never stored, so a million records cost no memory. LastProcessedTimeUtc lies in
/// [EndTimeUtc - Span, EndTimeUtc) and never decreases with the index (neighbouring parts of one alert may share it
/// exactly), so a time range is an index range found by binary search.
/// </summary>
public sealed class SiemAlertGenerator
{
    private readonly AlertLayout layout;
    private readonly RecordTimeline timeline;
    private readonly RecordComposer composer;
    private readonly IReadOnlyList<SimulatedMachine> machines;
    private readonly long alertNumberOffset;

    public SiemAlertGenerator(int seed, long count, DateTime endTimeUtc, TimeSpan span)
        : this(seed, count, endTimeUtc, span, alertNumberOffset: 0)
    {
    }

    /// <param name="alertNumberOffset">
    /// Where this set's alert numbering starts, so that a batch added later never reuses an AlertId of the first set.
    /// </param>
    internal SiemAlertGenerator(int seed, long count, DateTime endTimeUtc, TimeSpan span, long alertNumberOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(span.Ticks, nameof(span));

        // AlertId suffixes are a permutation of 31-bit alert numbers; beyond that they would repeat.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alertNumberOffset + count, (long)int.MaxValue, nameof(count));
        Seed = seed;
        Count = count;
        EndTimeUtc = DateTime.SpecifyKind(endTimeUtc.Kind == DateTimeKind.Local ? endTimeUtc.ToUniversalTime() : endTimeUtc, DateTimeKind.Utc);
        Span = span;
        this.alertNumberOffset = alertNumberOffset;
        layout = new AlertLayout(seed, count);
        timeline = new RecordTimeline(seed, count, StartTimeUtc, span, layout);
        composer = new RecordComposer(seed, FileCatalog.Create(seed));
        machines = MachineCatalog.Create(seed);
    }

    public int Seed { get; }

    /// <summary>The number of records (array elements the SIEM API returns), not of distinct alerts.</summary>
    public long Count { get; }

    public DateTime EndTimeUtc { get; }

    public TimeSpan Span { get; }

    public DateTime StartTimeUtc => EndTimeUtc - Span;

    public SiemRecord GetRecord(long index) => GetRecord(index, cache: null);

    /// <summary>As <see cref="GetRecord(long)"/>, reusing the alert-level values of the previous call's alert.</summary>
    internal SiemRecord GetRecord(long index, RecordCache? cache)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        AlertSlot slot = layout.Locate(index);
        AlertFacts? alert = cache?.LastAlert;
        if (alert is null || alert.Number != alertNumberOffset + slot.FirstIndex)
        {
            alert = GetAlertFacts(slot.FirstIndex);
            if (cache is not null)
            {
                cache.LastAlert = alert;
            }
        }

        return composer.Compose(alert, slot.Part, alertNumberOffset + index, timeline.LastProcessedTimeUtc(index));
    }

    public DateTime GetLastProcessedTimeUtc(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return timeline.LastProcessedTimeUtc(index);
    }

    /// <summary>The first index whose LastProcessedTimeUtc is at or after the given time; Count if none is.</summary>
    public long FirstIndexAtOrAfter(DateTime timeUtc) => timeline.FirstIndexAtOrAfter(timeUtc);

    /// <summary>Every record, in index order (ascending LastProcessedTimeUtc).</summary>
    public IEnumerable<SiemRecord> GetRecords() => GetRecords(0, Count);

    /// <summary>The records with <paramref name="sinceUtc"/> &lt;= LastProcessedTimeUtc &lt; <paramref name="untilUtc"/>.</summary>
    public IEnumerable<SiemRecord> GetRecords(DateTime sinceUtc, DateTime untilUtc) =>
        GetRecords(FirstIndexAtOrAfter(sinceUtc), FirstIndexAtOrAfter(untilUtc));

    /// <summary>The number of records (parts) of the alert that the record at <paramref name="index"/> belongs to.</summary>
    public int GetAlertPartCount(long index) => layout.Locate(index).PartCount;

    /// <summary>The device a record was raised on, without composing the record; the filters use this.</summary>
    internal SimulatedMachine GetMachine(long index) => MachineOfAlert(layout.Locate(index).FirstIndex);

    private IEnumerable<SiemRecord> GetRecords(long fromIndex, long toIndex)
    {
        for (long index = fromIndex; index < toIndex; index++)
        {
            yield return GetRecord(index);
        }
    }

    private AlertFacts GetAlertFacts(long firstIndex)
    {
        long number = alertNumberOffset + firstIndex;
        AlertTemplate template = DeterministicHash.Pick(DeterministicHash.Of(Seed, number, HashPurpose.Template), AlertTemplates.All);
        ulong delayHash = DeterministicHash.Of(Seed, number, HashPurpose.AlertDelay);

        // Detections reach the SIEM pipeline seconds to half an hour after the event.
        const long MinimumDelay = 5 * TimeSpan.TicksPerSecond;
        const long MaximumDelay = 30 * TimeSpan.TicksPerMinute;
        var alertTime = timeline.LastProcessedTimeUtc(firstIndex).AddTicks(-(MinimumDelay + (long)(delayHash % (MaximumDelay - MinimumDelay))));
        var suffix = (uint)((((ulong)number * 2654435761UL) + DeterministicHash.Mix((ulong)Seed)) & 0x7FFFFFFF);
        return new AlertFacts(
            number,
            RecordComposer.FormatAlertId(alertTime, suffix),
            alertTime,
            template,
            DeterministicHash.Pick(DeterministicHash.Of(Seed, number, HashPurpose.Severity), template.Severities),
            MachineOfAlert(firstIndex),
            EvidenceOffset: DeterministicHash.Below(delayHash >> 40, 4));
    }

    private SimulatedMachine MachineOfAlert(long firstIndex) =>
        DeterministicHash.Pick(DeterministicHash.Of(Seed, alertNumberOffset + firstIndex, HashPurpose.Machine), machines);
}
