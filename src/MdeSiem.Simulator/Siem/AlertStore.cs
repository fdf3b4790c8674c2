using System.Collections.Generic;
using System.Collections.Immutable;

namespace MdeSiem.Simulator.Siem;

/// <summary>
/// The record sets the SIEM API serves: the set generated at start plus any batches added later. Requests take a
/// snapshot, so a batch added mid-response shows up in the next request only.
/// </summary>
internal sealed class AlertStore
{
    private readonly object gate = new();
    private ImmutableArray<SiemAlertGenerator> batches;

    public AlertStore(SiemAlertGenerator initial)
    {
        batches = [initial];
    }

    public IReadOnlyList<SiemAlertGenerator> Snapshot => batches;

    public long TotalCount
    {
        get
        {
            long total = 0;
            foreach (SiemAlertGenerator batch in batches)
            {
                total += batch.Count;
            }

            return total;
        }
    }

    public void Add(SiemAlertGenerator batch)
    {
        lock (gate)
        {
            batches = batches.Add(batch);
        }
    }
}
