using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MdeSiem.Simulator.Siem;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// The Graph view of the tenant's detections: one alert per AlertId of every generated batch (built once per
/// batch, on first use), plus the changes made with PATCH and comments, kept in memory. An alert is visible once
/// its first record has reached the SIEM pipeline (LastProcessedTimeUtc before now), as on the SIEM side.
/// </summary>
internal sealed class GraphAlertStore
{
    private readonly AlertStore batches;
    private readonly string tenantId;
    private readonly ConcurrentDictionary<SiemAlertGenerator, IReadOnlyList<GraphAlertRecord>> built = new();
    private readonly ConcurrentDictionary<string, GraphAlertRecord> updated = new(StringComparer.Ordinal);
    private readonly object updateGate = new();
    private int version;

    private readonly bool divergences;

    public GraphAlertStore(AlertStore batches, string tenantId, bool divergences = false)
    {
        this.batches = batches;
        this.tenantId = tenantId;
        this.divergences = divergences;
    }

    public IReadOnlyList<GraphAlertRecord> Visible(DateTime nowUtc)
    {
        var visible = new List<GraphAlertRecord>();
        foreach (SiemAlertGenerator batch in batches.Snapshot)
        {
            foreach (GraphAlertRecord alert in built.GetOrAdd(batch, Build))
            {
                if (alert.ArrivedTimeUtc < nowUtc)
                {
                    visible.Add(updated.TryGetValue(alert.Id, out GraphAlertRecord? changed) ? changed : alert);
                }
            }
        }

        return visible;
    }

    /// <summary>Counts the updates made: views derived from the store (the Defender API's sorted list) know when to rebuild.</summary>
    public int Version => Volatile.Read(ref version);

    public GraphAlertRecord? Find(string id, DateTime nowUtc) =>
        Visible(nowUtc).FirstOrDefault(alert => string.Equals(alert.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Applies a change to a copy of the alert and keeps the copy; returns it.</summary>
    public GraphAlertRecord Update(GraphAlertRecord current, Action<GraphAlertRecord> change)
    {
        lock (updateGate)
        {
            GraphAlertRecord copy = (updated.TryGetValue(current.Id, out GraphAlertRecord? latest) ? latest : current).Clone();
            change(copy);
            updated[copy.Id] = copy;
            Interlocked.Increment(ref version);
            return copy;
        }
    }

    private IReadOnlyList<GraphAlertRecord> Build(SiemAlertGenerator batch)
    {
        var alerts = new List<GraphAlertRecord>();
        var parts = new List<SiemRecord>();
        foreach (SiemRecord record in batch.GetRecords())
        {
            if (parts.Count > 0 && parts[0].AlertId != record.AlertId)
            {
                alerts.Add(Built(parts));
                parts.Clear();
            }

            parts.Add(record);
        }

        if (parts.Count > 0)
        {
            alerts.Add(Built(parts));
        }

        return alerts;
    }

    private GraphAlertRecord Built(List<SiemRecord> parts)
    {
        GraphAlertRecord alert = GraphAlertBuilder.Build(parts, tenantId);
        if (divergences)
        {
            GraphDivergences.Apply(alert);
        }

        return alert;
    }
}
