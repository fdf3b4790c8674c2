using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Amqp;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// What each connection has been authorized for through $cbs put-token: the audiences (entity URIs) of the tokens it
/// put. A link may attach to an entity only when a token covers its path (claims-based security:
/// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-protocol-guide#claims-based-authorization).
/// </summary>
public sealed class ConnectionGrants
{
    private readonly ConditionalWeakTable<AmqpConnection, List<string>> grants = new();

    public void Grant(AmqpConnection connection, string audience)
    {
        List<string> paths = grants.GetOrCreateValue(connection);
        lock (paths)
        {
            paths.Add(PathOf(audience));
        }
    }

    /// <summary>True when a token put on this connection covers <paramref name="entityPath"/> (or the whole namespace).</summary>
    public bool Covers(AmqpConnection connection, string entityPath)
    {
        if (!grants.TryGetValue(connection, out List<string>? paths))
        {
            return false;
        }

        string wanted = entityPath.Trim('/');
        lock (paths)
        {
            foreach (string path in paths)
            {
                if (IsWithin(wanted, path))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The entity path an audience names ("sb://host/hub/..." or a bare path), without its slashes.</summary>
    public static string PathOf(string audience) =>
        Uri.TryCreate(audience, UriKind.Absolute, out Uri? uri) ? uri.AbsolutePath.Trim('/') : audience.Trim('/');

    /// <summary>True when <paramref name="path"/> is <paramref name="scope"/> or below it; the empty scope is the whole namespace.</summary>
    public static bool IsWithin(string path, string scope) =>
        scope.Length == 0 || path.Equals(scope, StringComparison.OrdinalIgnoreCase) || path.StartsWith(scope + "/", StringComparison.OrdinalIgnoreCase);
}
