namespace MdeSiem.Simulator.EventHubs;

/// <summary>What goes wrong on the simulated hub; each fault happens once, to the next link or read it applies to.</summary>
public enum EventHubFaultKind
{
    /// <summary>The service detaches a receiver's link after it sent some events ("amqp:link:detach-forced").</summary>
    LinkDetachedMidRead,

    /// <summary>The next receiver link is refused with "com.microsoft:server-busy" (the namespace is throttling).</summary>
    ServerBusy,

    /// <summary>The connection of a receiver drops (no close frame) after it sent some events.</summary>
    ConnectionDropped,
}
