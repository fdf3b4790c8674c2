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

    public SimulatedFault? TakeNext(FaultTarget target)
    {
        lock (gate)
        {
            int position = pending.FindIndex(fault => fault.Target == target);
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
