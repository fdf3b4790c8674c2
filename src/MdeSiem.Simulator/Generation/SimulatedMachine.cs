namespace MdeSiem.Simulator.Generation;

/// <summary>A device of the simulated tenant: everything a record says about the machine it was raised on.</summary>
internal sealed record SimulatedMachine(
    string MachineName,
    string ComputerDnsName,
    string MachineDomain,
    string DeviceId,
    string MachineGroup,
    string DeviceCreatedMachineTags,
    string CloudCreatedMachineTags,
    string InternalIPv4List,
    string InternalIPv6List,
    string LogOnUsers);
