using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class MachineFilterTests
{
    [Fact]
    public async Task Repeated_machinegroups_return_records_of_any_of_the_groups()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=PT6H&machinegroups=UKMachines&machinegroups=FranceMachines");

        IReadOnlyList<SiemRecord> expected = InLastSixHours(scope, clock)
            .Where(record => record.MachineGroup is "UKMachines" or "FranceMachines")
            .ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task Machine_group_names_compare_case_insensitively_and_may_need_escaping()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=PT6H&MachineGroups=" + Uri.EscapeDataString("r&d machines"));

        IReadOnlyList<SiemRecord> expected = InLastSixHours(scope, clock).Where(record => record.MachineGroup == "R&D Machines").ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task DeviceCreatedMachineTags_matches_the_registry_tag()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=PT6H&DeviceCreatedMachineTags=Finance");

        IReadOnlyList<SiemRecord> expected = InLastSixHours(scope, clock).Where(record => record.DeviceCreatedMachineTags == "Finance").ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task CloudCreatedMachineTags_matches_any_tag_of_the_comma_separated_list()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=PT6H&CloudCreatedMachineTags=Servers");

        IReadOnlyList<SiemRecord> expected = InLastSixHours(scope, clock)
            .Where(record => (record.CloudCreatedMachineTags ?? "").Split(',').Contains("Servers"))
            .ToArray();
        Assert.Contains(expected, record => record.CloudCreatedMachineTags == "Tier0,Servers");
        Assert.Contains(expected, record => record.CloudCreatedMachineTags == "Servers");
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task Group_and_tag_filters_combine()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 5000);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=PT6H&machinegroups=USMachines&machinegroups=UKMachines&CloudCreatedMachineTags=Tier0");

        IReadOnlyList<SiemRecord> expected = InLastSixHours(scope, clock)
            .Where(record => record.MachineGroup is "USMachines" or "UKMachines")
            .Where(record => (record.CloudCreatedMachineTags ?? "").Split(',').Contains("Tier0"))
            .ToArray();
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task Unknown_group_returns_an_empty_array()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=PT6H&machinegroups=MarsMachines");

        Assert.Empty(fullIds);
    }

    private static IEnumerable<SiemRecord> InLastSixHours(SimulatorClientScope scope, ManualClock clock) =>
        Expected.Between(scope.Tenant.Generator, clock.UtcNow.AddHours(-6), clock.UtcNow);
}
