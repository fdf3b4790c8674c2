using System.Collections.Generic;

namespace MdeSiem.Simulator.Hosting;

/// <summary>Faults waiting for their next matching request, in the order they were enqueued.</summary>
internal sealed class FaultQueue
{
    private readonly object gate = new();
    private readonly List<SimulatedFault> pending = [];
    private readonly Dictionary<SimulatedFault, int> passed = new(ReferenceEqualityComparer.Instance);

    public void Enqueue(SimulatedFault fault)
    {
        lock (gate)
        {
            pending.Add(fault);
        }
    }

    public SimulatedFault? TakeNext(FaultTarget target) => TakeNext(target, request: "");

    /// <param name="target">The endpoint the request is for.</param>
    /// <param name="request">The request's path and decoded query, for faults that wait for a particular request.</param>
    public SimulatedFault? TakeNext(FaultTarget target, string request)
    {
        lock (gate)
        {
            int position = pending.FindIndex(fault => fault.Target == target
                && (fault.RequestContains is null || request.Contains(fault.RequestContains, System.StringComparison.OrdinalIgnoreCase))
                && !LetsThrough(fault));
            if (position < 0)
            {
                return null;
            }

            SimulatedFault fault = pending[position];
            pending.RemoveAt(position);
            return fault;
        }
    }

    /// <summary>Forgets every fault not used yet.</summary>
    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
            passed.Clear();
        }
    }

    /// <summary>Counts a matching request against the fault's <see cref="SimulatedFault.AfterMatchingRequests"/>.</summary>
    private bool LetsThrough(SimulatedFault fault)
    {
        if (fault.AfterMatchingRequests <= 0)
        {
            return false;
        }

        int count = passed.GetValueOrDefault(fault);
        if (count >= fault.AfterMatchingRequests)
        {
            return false;
        }

        passed[fault] = count + 1;
        return true;
    }
}
