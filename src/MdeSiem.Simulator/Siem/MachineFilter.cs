using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator.Generation;

namespace MdeSiem.Simulator.Siem;

/// <summary>
/// The device filters: machinegroups (any of the repeated values), DeviceCreatedMachineTags (the device's registry
/// tag equals it) and CloudCreatedMachineTags (one of the device's comma-separated portal tags equals it). Names
/// compare case-insensitively. A tenant has few devices, so verdicts are cached per device.
/// </summary>
internal sealed class MachineFilter
{
    private readonly AlertQuery query;
    private readonly Dictionary<SimulatedMachine, bool> verdicts = new(ReferenceEqualityComparer.Instance);

    public MachineFilter(AlertQuery query)
    {
        this.query = query;
    }

    public bool Matches(SimulatedMachine machine)
    {
        if (!query.HasMachineFilter)
        {
            return true;
        }

        if (!verdicts.TryGetValue(machine, out bool verdict))
        {
            verdict = Evaluate(machine);
            verdicts[machine] = verdict;
        }

        return verdict;
    }

    private bool Evaluate(SimulatedMachine machine)
    {
        if (query.MachineGroups.Count > 0
            && !query.MachineGroups.Contains(machine.MachineGroup, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.DeviceCreatedMachineTag is { } deviceTag
            && !string.Equals(machine.DeviceCreatedMachineTags, deviceTag, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return query.CloudCreatedMachineTag is not { } cloudTag
            || machine.CloudCreatedMachineTags
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Contains(cloudTag.Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
