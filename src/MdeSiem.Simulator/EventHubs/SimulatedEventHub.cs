using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// An Event Hubs namespace with one hub on loopback plain AMQP, as the Event Hubs emulator serves it (clients connect
/// with "UseDevelopmentEmulator=true"): SASL "MSSBCBS" (the client then authorizes with $cbs put-token), $management
/// READ for the hub and its partitions, and receiver links on "{hub}/ConsumerGroups/{group}/Partitions/{id}".
/// Built on Microsoft.Azure.Amqp's server side (AmqpTransportListener, IRuntimeProvider) the way the library's own
/// test broker (Azure/azure-amqp test/TestAmqpBroker) is.
/// https://learn.microsoft.com/azure/event-hubs/overview-emulator and
/// https://learn.microsoft.com/azure/event-hubs/event-hubs-features
/// </summary>
public sealed class SimulatedEventHub : IRuntimeProvider, IAsyncDisposable
{
    /// <summary>The SASL mechanism the Event Hubs clients offer: anonymous at the SASL layer, CBS afterwards.</summary>
    public const string CbsSaslMechanism = "MSSBCBS";

    private const string EpochProperty = "com.microsoft:epoch";
    private const string StolenCondition = "amqp:link:stolen";
    private const string ServerBusyCondition = "com.microsoft:server-busy";

    private readonly HubPartition[] partitions;
    private readonly CbsNode cbs;
    private readonly ManagementNode management;
    private readonly ConcurrentQueue<EventHubFault> faults = new();
    private readonly ConcurrentDictionary<string, List<PartitionReceiverLink>> receivers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<AmqpConnection, byte> connections = new();
    private AmqpSettings? settings;
    private AmqpTransportListener? listener;
    private int receiverLinksOpened;

    private SimulatedEventHub(EventHubOptions options, int port)
    {
        Options = options;
        Port = port;
        TlsPort = options.TlsCertificate is null ? null : FreePort();
        partitions = Enumerable.Range(0, options.PartitionCount).Select(i => new HubPartition(i.ToString(CultureInfo.InvariantCulture))).ToArray();
        cbs = new CbsNode(this);
        management = new ManagementNode(this);
    }

    public EventHubOptions Options { get; }

    public int Port { get; }

    /// <summary>The AMQPS port when <see cref="EventHubOptions.TlsCertificate"/> is set.</summary>
    public int? TlsPort { get; }

    public IReadOnlyList<HubPartition> Partitions => partitions;

    public ConnectionGrants Grants { get; } = new();

    /// <summary>Receiver links opened so far on partitions (retries and reconnections included).</summary>
    public int ReceiverLinksOpened => Volatile.Read(ref receiverLinksOpened);

    /// <summary>Faults queued and not happened yet.</summary>
    public int PendingFaults => faults.Count;

    public DateTime UtcNow => Options.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The connection string a client uses, with the hub as its entity path.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName={Options.KeyName};SharedAccessKey={Options.Key};EntityPath={Options.HubName};UseDevelopmentEmulator=true";

    public static SimulatedEventHub Start(EventHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hub = new SimulatedEventHub(options, options.Port == 0 ? FreePort() : options.Port);
        hub.Listen();
        return hub;
    }

    /// <summary>Appends an event to a partition, enqueued now.</summary>
    public StoredEvent Publish(string partitionId, ReadOnlyMemory<byte> body) =>
        (FindPartition(partitionId) ?? throw new ArgumentOutOfRangeException(nameof(partitionId), partitionId, "No such partition.")).Append(body, UtcNow);

    public void EnqueueFault(EventHubFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        faults.Enqueue(fault);
    }

    public HubPartition? FindPartition(string id) => partitions.FirstOrDefault(p => p.Id == id);

    /// <summary>Null when the token is valid for this hub, otherwise why it is not.</summary>
    public string? CheckToken(string type, string token) => type switch
    {
        CbsNode.SasTokenType => SharedAccessSignature.Check(token, Options.KeyName, Options.Key, Options.Clock.GetUtcNow()),
        CbsNode.JwtTokenType => Options.BearerTokenCheck is { } check ? check(token) : "Bearer tokens are not accepted by this namespace.",
        _ => $"The token type '{type}' is not supported.",
    };

    /// <summary>
    /// True when a token's audience names this namespace or something in this hub ("sb://host/", "amqp://host/hub",
    /// ".../hub/ConsumerGroups/..."); false for another entity of the namespace, which does not exist here.
    /// </summary>
    public bool HasEntityOf(string audience)
    {
        string path = ConnectionGrants.PathOf(audience);
        return path.Length == 0 || ConnectionGrants.IsWithin(path, Options.HubName);
    }

    public ValueTask DisposeAsync()
    {
        listener?.Close();
        foreach (AmqpConnection connection in connections.Keys)
        {
            connection.SafeClose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Drops every open connection without a close frame, as when the service's gateway restarts.</summary>
    public void DropConnections()
    {
        foreach (AmqpConnection connection in connections.Keys)
        {
            connection.Abort();
        }
    }

    AmqpConnection IConnectionFactory.CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, false, amqpSettings, connectionSettings);

    AmqpSession ISessionFactory.CreateSession(AmqpConnection connection, AmqpSessionSettings sessionSettings) =>
        new(connection, sessionSettings, this);

    AmqpLink ILinkFactory.CreateLink(AmqpSession session, AmqpLinkSettings linkSettings)
    {
        // Role true: the peer receives, so this side sends.
        return linkSettings.Role == true
            ? new ReceivingAmqpLink(session, linkSettings)
            : new SendingAmqpLink(session, linkSettings);
    }

    IAsyncResult ILinkFactory.BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        string address = (link.IsReceiver ? ((Target)link.Settings.Target).Address : ((Source)link.Settings.Source).Address)?.ToString()
            ?? throw new AmqpException(AmqpErrorCode.InvalidField, "The link has no address.");
        if (address == cbs.Address)
        {
            cbs.Attach(link);
        }
        else if (address == management.Address)
        {
            management.Attach(link);
        }
        else if (link is SendingAmqpLink sender)
        {
            OpenReceiver(sender, address);
        }
        else
        {
            throw new AmqpException(AmqpErrorCode.NotImplemented, "The simulated hub does not take events from clients.");
        }

        var result = new CompletedOpen(state);
        callback(result);
        return result;
    }

    void ILinkFactory.EndOpenLink(IAsyncResult result)
    {
    }

    private void OpenReceiver(SendingAmqpLink link, string address)
    {
        // {hub}/ConsumerGroups/{group}/Partitions/{id}: https://learn.microsoft.com/azure/event-hubs/event-hubs-features#event-consumers
        string[] parts = new Uri("amqp://host/" + address.TrimStart('/')).AbsolutePath.Trim('/').Split('/');
        if (parts.Length != 5 || !parts[0].Equals(Options.HubName, StringComparison.OrdinalIgnoreCase)
            || !parts[1].Equals("ConsumerGroups", StringComparison.OrdinalIgnoreCase) || !parts[3].Equals("Partitions", StringComparison.OrdinalIgnoreCase))
        {
            throw new AmqpException(AmqpErrorCode.NotFound, $"The messaging entity '{address}' could not be found.");
        }

        string group = Uri.UnescapeDataString(parts[2]);
        HubPartition partition = FindPartition(parts[4])
            ?? throw new AmqpException(AmqpErrorCode.NotFound, $"The messaging entity '{address}' could not be found.");
        if (!Options.ConsumerGroups.Any(g => g.Equals(group, StringComparison.OrdinalIgnoreCase)))
        {
            throw new AmqpException(AmqpErrorCode.NotFound, $"The messaging entity '{Options.HubName}/ConsumerGroups/{group}' could not be found.");
        }

        if (!Grants.Covers(link.Session.Connection, address))
        {
            throw new AmqpException(AmqpErrorCode.UnauthorizedAccess, "Unauthorized access: no token was put on $cbs for this entity.");
        }

        EventHubFault? fault = null;
        if (faults.TryPeek(out EventHubFault? next) && faults.TryDequeue(out next))
        {
            if (next.Kind == EventHubFaultKind.ServerBusy)
            {
                throw new AmqpException(new Error { Condition = ServerBusyCondition, Description = "The request was terminated because the namespace is being throttled (simulated fault)." });
            }

            fault = next;
        }

        if (!SelectorFilter.TryRead(((Source)link.Settings.Source).FilterSet, out SelectorFilter filter, out string error))
        {
            throw new AmqpException(new Error { Condition = "com.microsoft:argument-error", Description = error });
        }

        long start = filter.IsLatest ? partition.Count : partition.FirstMatching(filter);
        long? ownerLevel = link.Settings.Properties?.TryGetValue(new MapKey(EpochProperty), out long epoch) == true ? epoch : null;
        var receiver = new PartitionReceiverLink(link, partition, start, ownerLevel, fault);
        Admit(group + "/" + partition.Id, receiver, link);
        Interlocked.Increment(ref receiverLinksOpened);
        link.Opened += (_, _) => _ = receiver.RunAsync();
    }

    /// <summary>
    /// Exclusive readers: a link with an owner level (epoch) at least as high as the others takes the partition and the
    /// others are detached with "amqp:link:stolen"; a link below an existing owner is refused.
    /// https://learn.microsoft.com/azure/event-hubs/event-hubs-event-processor-host#epoch
    /// </summary>
    private void Admit(string key, PartitionReceiverLink receiver, SendingAmqpLink link)
    {
        List<PartitionReceiverLink> current = receivers.GetOrAdd(key, _ => []);
        List<PartitionReceiverLink> displaced = [];
        lock (current)
        {
            long? highest = current.Where(r => r.OwnerLevel.HasValue).Select(r => r.OwnerLevel).Max();
            if (highest is { } owner && (receiver.OwnerLevel is null || receiver.OwnerLevel < owner))
            {
                throw new AmqpException(new Error
                {
                    Condition = StolenCondition,
                    Description = $"Receiver with epoch '{receiver.OwnerLevel}' cannot be created: a receiver with epoch '{owner}' owns the partition.",
                });
            }

            if (receiver.OwnerLevel is { } level)
            {
                displaced.AddRange(current);
                current.Clear();
            }

            current.Add(receiver);
        }

        link.Closed += (_, _) =>
        {
            lock (current)
            {
                current.Remove(receiver);
            }
        };
        foreach (PartitionReceiverLink old in displaced)
        {
            old.Detach(StolenCondition, $"New receiver with higher epoch of '{receiver.OwnerLevel}' is created hence current receiver is getting disconnected.");
        }
    }

    private void Listen()
    {
        var amqpSettings = new AmqpSettings { RuntimeProvider = this };
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(new AmqpVersion(1, 0, 0));
        sasl.AddHandler(new SaslAnonymousHandler(CbsSaslMechanism));
        sasl.AddHandler(new SaslAnonymousHandler());
        amqpSettings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(new AmqpVersion(1, 0, 0));
        amqpSettings.TransportProviders.Add(amqp);
        settings = amqpSettings;
        var transports = new List<TransportListener> { new TcpTransportSettings { Host = IPAddress.Loopback.ToString(), Port = Port }.CreateListener() };
        if (Options.TlsCertificate is { } certificate && TlsPort is int tlsPort)
        {
            var tls = new TlsTransportSettings(new TcpTransportSettings { Host = IPAddress.Loopback.ToString(), Port = tlsPort }, isInitiator: false)
            {
                Certificate = certificate,
            };
            transports.Add(tls.CreateListener());
        }

        listener = new AmqpTransportListener(transports, amqpSettings);
        listener.Listen(OnAcceptTransport);
    }

    private void OnAcceptTransport(TransportListener source, TransportAsyncCallbackArgs args)
    {
        var connectionSettings = new AmqpConnectionSettings
        {
            ContainerId = "simulated-eventhubs-" + Port.ToString(CultureInfo.InvariantCulture),
            MaxFrameSize = 64 * 1024,
            IdleTimeOut = 4 * 60 * 1000,
        };
        AmqpConnection? connection = null;
        try
        {
            connection = new AmqpConnection(args.Transport, (ProtocolHeader)args.UserToken, false, settings!, connectionSettings);
            AmqpConnection opening = connection;
            connection.BeginOpen(AmqpConstants.DefaultTimeout, result => OnConnectionOpened(opening, result), null);
        }
        catch (Exception exception) when (exception is AmqpException or InvalidOperationException or ObjectDisposedException)
        {
            connection?.SafeClose(exception);
        }
    }

    private void OnConnectionOpened(AmqpConnection connection, IAsyncResult result)
    {
        try
        {
            connection.EndOpen(result);
            connection.AmqpSettings.RuntimeProvider = this;
            connections[connection] = 0;
            connection.Closed += (_, _) => connections.TryRemove(connection, out _);
        }
        catch (Exception exception) when (exception is AmqpException or TimeoutException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or System.IO.IOException)
        {
            connection.SafeClose(exception);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class CompletedOpen(object state) : IAsyncResult
    {
        public object AsyncState { get; } = state;

        public WaitHandle AsyncWaitHandle => throw new NotSupportedException();

        public bool CompletedSynchronously => true;

        public bool IsCompleted => true;
    }
}
