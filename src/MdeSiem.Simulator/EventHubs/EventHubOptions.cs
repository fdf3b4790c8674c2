using System;
using System.Collections.Generic;
using MdeSiem.Simulator.Hosting;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>The simulated namespace's one event hub: its name, partitions, consumer groups and access policy.</summary>
public sealed class EventHubOptions
{
    /// <summary>The hub's name (the Streaming API's destination hub).</summary>
    public string HubName { get; init; } = "defender-stream";

    /// <summary>Partition ids are "0" .. "Count-1", as the service names them.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>"$Default" always exists, as on the service.</summary>
    public IReadOnlyList<string> ConsumerGroups { get; init; } = ["$Default"];

    /// <summary>The shared access policy that signs SAS tokens.</summary>
    public string KeyName { get; init; } = "RootManageSharedAccessKey";

    public string Key { get; init; } = SecretGenerator.NewSecret();

    public DateTime CreatedAtUtc { get; init; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Checks a bearer token (type "jwt") put on $cbs; null means valid. Without it bearer tokens are refused.</summary>
    public Func<string, string?>? BearerTokenCheck { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// With a certificate, the namespace also listens with TLS (AMQPS, as the service does on port 5671) on a port of
    /// its own: the only way a client signs in with a bearer token, which the client library never sends in clear.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TlsCertificate { get; init; }
}
