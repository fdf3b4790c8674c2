using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem;

/// <summary>
/// The device groups seen in the last SIEM pull of a session, for -MachineGroup tab completion. Recording is cheap
/// per record (a reference check, then a set lookup only when the group changes); a new pull starts a new set.
/// </summary>
internal sealed class SeenMachineGroups
{
    private readonly object _gate = new();
    private HashSet<string> _groups = new(StringComparer.OrdinalIgnoreCase);
    private string? _last;

    public void StartPull()
    {
        lock (_gate)
        {
            _groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _last = null;
        }
    }

    public void Record(string? group)
    {
        // Records of one pull often come in runs of the same device group: skip the lock and set for a repeat.
        if (group is null || string.Equals(group, _last, StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            _groups.Add(group);
            _last = group;
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return _groups.OrderBy(g => g, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
