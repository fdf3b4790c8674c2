using System;
using System.Linq;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// The "$management" node: operation "READ" with type "com.microsoft:eventhub" (name = the hub) answers name,
/// created_at and partition_ids; with type "com.microsoft:partition" (and partition = the id) it answers name,
/// partition, begin_sequence_number, last_enqueued_sequence_number, last_enqueued_offset (text),
/// last_enqueued_time_utc, runtime_info_retrieval_time_utc and is_partition_empty. Each request carries its own
/// token in "security_token". The body of the answer is an AMQP map in an amqp-value section.
/// Names from azure-sdk-for-net sdk/eventhub/Azure.Messaging.EventHubs/src/Amqp/AmqpManagement.cs;
/// https://learn.microsoft.com/azure/event-hubs/event-hubs-features#partitions
/// </summary>
public sealed class ManagementNode : RequestResponseNode
{
    public const string EventHubType = "com.microsoft:eventhub";
    public const string PartitionType = "com.microsoft:partition";

    private readonly SimulatedEventHub hub;

    public ManagementNode(SimulatedEventHub hub)
        : base("$management")
    {
        this.hub = hub;
    }

    protected override AmqpMessage Answer(AmqpConnection connection, AmqpMessage request)
    {
        if (!string.Equals(Property(request, "operation"), "READ", StringComparison.Ordinal))
        {
            return Status(400, "The operation is not supported.");
        }

        string token = Property(request, "security_token") ?? string.Empty;
        string? failure = hub.CheckToken(token.StartsWith("SharedAccessSignature ", StringComparison.Ordinal) ? CbsNode.SasTokenType : CbsNode.JwtTokenType, token);
        if (failure is not null)
        {
            return Status(401, failure);
        }

        string name = Property(request, "name") ?? string.Empty;
        if (!string.Equals(name, hub.Options.HubName, StringComparison.OrdinalIgnoreCase))
        {
            return Status(404, $"The messaging entity '{name}' could not be found.");
        }

        DateTime now = hub.UtcNow;
        var map = new AmqpMap { [new MapKey("name")] = hub.Options.HubName };
        switch (Property(request, "type"))
        {
            case EventHubType:
                map[new MapKey("created_at")] = hub.Options.CreatedAtUtc;
                map[new MapKey("partition_ids")] = hub.Partitions.Select(p => p.Id).ToArray();
                break;
            case PartitionType:
                string id = Property(request, "partition") ?? string.Empty;
                HubPartition? partition = hub.FindPartition(id);
                if (partition is null)
                {
                    return Status(404, $"The messaging entity '{hub.Options.HubName}/Partitions/{id}' could not be found.");
                }

                StoredEvent? last = partition.Last;
                map[new MapKey("type")] = PartitionType;
                map[new MapKey("partition")] = partition.Id;
                map[new MapKey("begin_sequence_number")] = 0L;
                map[new MapKey("last_enqueued_sequence_number")] = last?.SequenceNumber ?? -1L;
                map[new MapKey("last_enqueued_offset")] = (last?.Offset ?? -1L).ToString(System.Globalization.CultureInfo.InvariantCulture);
                map[new MapKey("last_enqueued_time_utc")] = last?.EnqueuedTimeUtc ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
                map[new MapKey("runtime_info_retrieval_time_utc")] = now;
                map[new MapKey("is_partition_empty")] = last is null;
                break;
            default:
                return Status(400, "The type is neither com.microsoft:eventhub nor com.microsoft:partition.");
        }

        return Status(200, "OK", AmqpMessage.Create(new AmqpValue { Value = map }));
    }
}
