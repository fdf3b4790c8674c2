using System;
using Azure.Messaging.EventHubs;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// The hub a run reads: its namespace, name and consumer group, and how to sign in (a SAS connection string, or the
/// connection's application for the Event Hubs audience). Never shows the connection string.
/// </summary>
public sealed class EventHubTarget
{
    /// <summary>The default consumer group every hub has.</summary>
    public const string DefaultConsumerGroup = "$Default";

    /// <summary>
    /// The audience of Event Hubs tokens: "https://eventhubs.azure.net/, and it's the same for all clouds/tenants"
    /// (https://learn.microsoft.com/azure/event-hubs/authorize-access-azure-active-directory).
    /// </summary>
    public const string EventHubsResource = "https://eventhubs.azure.net";

    private readonly string? _connectionString;
    private readonly MdeSiemConnection? _connection;

    // Where the client connects when that is not the namespace's own address on the AMQPS port: a namespace given
    // as host:port (an emulator, a gateway).
    private readonly Uri? _endpoint;

    private EventHubTarget(string fullyQualifiedNamespace, string hubName, string consumerGroup, string? connectionString, MdeSiemConnection? connection, Uri? endpoint = null)
    {
        FullyQualifiedNamespace = fullyQualifiedNamespace;
        HubName = hubName;
        ConsumerGroup = consumerGroup;
        _connectionString = connectionString;
        _connection = connection;
        _endpoint = endpoint;
    }

    public string FullyQualifiedNamespace { get; }

    public string HubName { get; }

    public string ConsumerGroup { get; }

    /// <summary>A hub reached with a SAS connection string; the hub comes from -EventHubName or the string's EntityPath.</summary>
    public static EventHubTarget ForConnectionString(string connectionString, string? hubName, string? consumerGroup)
    {
        EventHubsConnectionStringProperties properties;
        try
        {
            properties = EventHubsConnectionStringProperties.Parse(connectionString);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            // The parser's message can quote the string: say only what is wrong.
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-EventHubConnectionString is not an Event Hubs connection string.")
            {
                RecommendedAction = "Copy the connection string of a shared access policy with Listen rights (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...).",
            };
        }

        var hub = string.IsNullOrEmpty(hubName) ? properties.EventHubName : hubName!;
        if (string.IsNullOrEmpty(hub))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "The connection string names no event hub (EntityPath) and -EventHubName was not given.");
        }

        if (!string.IsNullOrEmpty(properties.EventHubName) && !string.IsNullOrEmpty(hubName) && !string.Equals(properties.EventHubName, hubName, StringComparison.OrdinalIgnoreCase))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"The connection string is for the event hub '{properties.EventHubName}', not '{hubName}'.");
        }

        return new EventHubTarget(properties.FullyQualifiedNamespace, hub, ConsumerGroupOrDefault(consumerGroup), connectionString, null);
    }

    /// <summary>A hub reached with the connection's application (Azure Event Hubs Data Receiver role).</summary>
    public static EventHubTarget ForNamespace(MdeSiemConnection connection, string namespaceNameOrFqdn, string hubName, string? consumerGroup)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        var fullyQualified = FullyQualified(namespaceNameOrFqdn, connection.Environment);
        var endpoint = EndpointOf(fullyQualified);
        return new EventHubTarget(endpoint?.Host ?? fullyQualified, hubName, ConsumerGroupOrDefault(consumerGroup), null, connection, endpoint);
    }

    /// <summary>
    /// The options of every connection to this hub. A namespace given as host:port is reached there
    /// (CustomEndpointAddress). A connection made with -SkipCertificateCheck accepts the self-signed certificate of a
    /// hub on this machine only, as it does for the connection's own endpoint
    /// (https://learn.microsoft.com/dotnet/api/azure.messaging.eventhubs.eventhubconnectionoptions.certificatevalidationcallback).
    /// </summary>
    internal EventHubConnectionOptions ConnectionOptions()
    {
        var options = new EventHubConnectionOptions();
        if (_endpoint is not null)
        {
            options.CustomEndpointAddress = _endpoint;
            if (_connection?.SkipsLoopbackCertificateCheck == true && TransportFactory.IsLoopback(_endpoint))
            {
                options.CertificateValidationCallback = (_, _, _, _) => true;
            }
        }

        return options;
    }

    private static Uri? EndpointOf(string fullyQualified)
    {
        var colon = fullyQualified.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(fullyQualified.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        return new Uri("sb://" + fullyQualified.Substring(0, colon) + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// "contoso" becomes contoso.servicebus.windows.net (Azure Government: servicebus.usgovcloudapi.net, Azure China:
    /// servicebus.chinacloudapi.cn; https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure
    /// and https://learn.microsoft.com/azure/china/resources-developer-guide); a name with a dot, or a host:port, is already one.
    /// </summary>
    public static string FullyQualified(string namespaceNameOrFqdn, CloudEnvironment environment)
    {
        var name = (namespaceNameOrFqdn ?? string.Empty).Trim();
        if (name.StartsWith("sb://", StringComparison.OrdinalIgnoreCase))
        {
            name = new Uri(name).Host;
        }

        if (name.Length == 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-EventHubNamespace is empty.");
        }

        if (name.IndexOf('.') >= 0 || name.IndexOf(':') >= 0)
        {
            return name;
        }

        return environment switch
        {
            // GCC (USGov) tenants use commercial Azure; GCC High and DoD use Azure Government.
            CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => name + ".servicebus.usgovcloudapi.net",
            CloudEnvironment.China => name + ".servicebus.chinacloudapi.cn",
            _ => name + ".servicebus.windows.net",
        };
    }

    /// <summary>"event hub 'x' in ns.servicebus.windows.net, consumer group $Default": for logs and errors.</summary>
    public string Describe() => $"event hub '{HubName}' in {FullyQualifiedNamespace}, consumer group {ConsumerGroup}";

    internal EventHubConnection OpenConnection(EventHubConnectionOptions options) => _connectionString is not null
        ? new EventHubConnection(_connectionString, HubName, options)
        : new EventHubConnection(FullyQualifiedNamespace, HubName, new StorageTokenCredential(_connection!.TokenSource, EventHubsResource), options);

    /// <summary>A processor over this hub, signed in as the target is.</summary>
    internal HubProcessor CreateProcessor(BlobHubCheckpointStore store, int batchSize, Azure.Messaging.EventHubs.Primitives.EventProcessorOptions options, HubBatchQueue queue) => _connectionString is not null
        ? new HubProcessor(store, batchSize, ConsumerGroup, _connectionString, HubName, options, queue)
        : new HubProcessor(store, batchSize, ConsumerGroup, FullyQualifiedNamespace, HubName, new StorageTokenCredential(_connection!.TokenSource, EventHubsResource), options, queue);

    private static string ConsumerGroupOrDefault(string? consumerGroup) =>
        string.IsNullOrWhiteSpace(consumerGroup) ? DefaultConsumerGroup : consumerGroup!;
}
