using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using MdeSiem.Core.Auth;

namespace MdeSiem;

/// <summary>
/// Module state for one runspace: its connections and what has been said once already. Keyed by runspace, never a
/// plain static, so two runspaces in one process (Azure Automation, ForEach-Object -Parallel) never share a tenant
/// by accident. The default connection is the one connected last; named ones stay until replaced or disconnected.
/// </summary>
internal sealed class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, SessionStore> Stores = new();

    private readonly Dictionary<string, MdeSiemConnection> _named = new(StringComparer.OrdinalIgnoreCase);
    private MdeSiemConnection? _unnamed;

    /// <summary>The connection cmdlets use without -Connection: the last one connected, until it is disconnected.</summary>
    public MdeSiemConnection? Connection { get; private set; }

    /// <summary>The retiring APIs this session has been warned of: each warning is shown once per session.</summary>
    public HashSet<RetiringApiWarning> RetirementsWarned { get; } = new();

    /// <summary>Device groups of the last SIEM pull, offered by -MachineGroup tab completion.</summary>
    public SeenMachineGroups MachineGroups { get; } = new();

    /// <summary>Every connection of the session: the unnamed one (if any) then the named ones by name.</summary>
    public IReadOnlyList<MdeSiemConnection> All
    {
        get
        {
            var all = new List<MdeSiemConnection>();
            if (_unnamed is not null)
            {
                all.Add(_unnamed);
            }

            all.AddRange(_named.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase).Select(pair => pair.Value));
            return all;
        }
    }

    public static SessionStore ForCurrentRunspace()
    {
        return Stores.GetValue(Runspace.DefaultRunspace, _ => new SessionStore());
    }

    /// <summary>Keeps a new connection as the default, replacing (and closing) one of the same name.</summary>
    public void Add(MdeSiemConnection connection)
    {
        MdeSiemConnection? replaced;
        if (connection.Name is null)
        {
            replaced = _unnamed;
            _unnamed = connection;
        }
        else
        {
            _named.TryGetValue(connection.Name, out replaced);
            _named[connection.Name] = connection;
        }

        Connection = connection;
        replaced?.Dispose();
    }

    public MdeSiemConnection? Find(string name) => _named.TryGetValue(name, out var connection) ? connection : null;

    /// <summary>Forgets a connection; if it was the default there is no default until the next Connect.</summary>
    public void Remove(MdeSiemConnection connection)
    {
        if (ReferenceEquals(_unnamed, connection))
        {
            _unnamed = null;
        }

        if (connection.Name is not null && _named.TryGetValue(connection.Name, out var named) && ReferenceEquals(named, connection))
        {
            _named.Remove(connection.Name);
        }

        if (ReferenceEquals(Connection, connection))
        {
            Connection = null;
        }
    }
}
