using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using MdeSiem.Core.Auth;

namespace MdeSiem;

/// <summary>
/// Module state for one runspace: the current connection and what has been said once already. Keyed by runspace,
/// never a plain static, so two runspaces in one process (Azure Automation, ForEach-Object -Parallel) never share
/// a tenant by accident.
/// </summary>
internal sealed class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, SessionStore> Stores = new();

    public MdeSiemConnection? Connection { get; set; }

    /// <summary>The SIEM API deprecation warning is shown once per session.</summary>
    public bool SiemDeprecationWarned { get; set; }

    /// <summary>Device groups of the last SIEM pull, offered by -MachineGroup tab completion.</summary>
    public SeenMachineGroups MachineGroups { get; } = new();

    public static SessionStore ForCurrentRunspace()
    {
        return Stores.GetValue(Runspace.DefaultRunspace, _ => new SessionStore());
    }
}
