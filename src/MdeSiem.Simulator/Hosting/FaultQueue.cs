using System.Collections.Generic;

namespace MdeSiem.Simulator.Hosting;

/// <summary>Faults waiting for their next matching request, in the order they were enqueued.</summary>
internal sealed class FaultQueue
{
    private readonly object gate = new();
    private readonly List<SimulatedFault> pending = [];

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
                && (fault.RequestContains is null || request.Contains(fault.RequestContains, System.StringComparison.OrdinalIgnoreCase)));
            if (position < 0)
            {
                return null;
            }

            SimulatedFault fault = pending[position];
            pending.RemoveAt(position);
            return fault;
        }
    }
}
