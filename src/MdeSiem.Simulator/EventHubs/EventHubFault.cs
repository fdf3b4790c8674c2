namespace MdeSiem.Simulator.EventHubs;

/// <summary>A fault queued on the simulated hub.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="AfterEvents">For mid-read faults, how many events the receiver sends first.</param>
public sealed record EventHubFault(EventHubFaultKind Kind, int AfterEvents = 0);
