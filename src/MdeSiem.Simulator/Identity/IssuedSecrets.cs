using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Every credential the simulated Entra ID handed out (access, id and refresh tokens, authorization codes), so a
/// test can scan what a client printed or wrote for any of them. Only the test side reads this list.
/// </summary>
internal sealed class IssuedSecrets
{
    private readonly ConcurrentQueue<string> values = new();

    public void Add(string value) => values.Enqueue(value);

    /// <summary>Every value issued so far, oldest first.</summary>
    public IReadOnlyList<string> Snapshot() => values.ToList();
}
