using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Siem;

/// <summary>
/// A parsed request to GET /api/alerts: the time range on LastProcessedTimeUtc is [SinceUtc, UntilUtc) - since
/// inclusive so that a client resuming from the last time it saw gets the records that share that time (it must
/// drop the ones it already has by FullId), until exclusive so that back-to-back windows never overlap.
/// </summary>
internal sealed record AlertQuery(
    DateTime SinceUtc,
    DateTime UntilUtc,
    int? Limit,
    IReadOnlyList<string> MachineGroups,
    string? DeviceCreatedMachineTag,
    string? CloudCreatedMachineTag)
{
    public bool HasMachineFilter =>
        MachineGroups.Count > 0 || DeviceCreatedMachineTag is not null || CloudCreatedMachineTag is not null;
}
