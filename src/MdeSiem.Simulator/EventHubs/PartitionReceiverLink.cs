using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// Sends one partition's events to a consumer's link, from where its selector filter points, as far as the link's
/// credit allows, then waits for credit or new events. Each message carries the event's data section and the
/// message annotations x-opt-sequence-number (long), x-opt-offset (text) and x-opt-enqueued-time (timestamp).
/// Names from azure-sdk-for-net sdk/eventhub/Azure.Messaging.EventHubs/src/Amqp/AmqpProperty.cs;
/// https://learn.microsoft.com/azure/event-hubs/event-hubs-amqp-troubleshoot and
/// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-protocol-guide#message-annotations
/// </summary>
public sealed class PartitionReceiverLink
{
    private readonly SendingAmqpLink link;
    private readonly HubPartition partition;
    private readonly SemaphoreSlim credit = new(0);
    private readonly CancellationTokenSource closed = new();
    private readonly EventHubFault? fault;
    private long next;
    private int sent;

    public PartitionReceiverLink(SendingAmqpLink link, HubPartition partition, long start, long? ownerLevel, EventHubFault? fault)
    {
        this.link = link;
        this.partition = partition;
        this.fault = fault;
        next = start;
        OwnerLevel = ownerLevel;
        link.RegisterCreditListener((_, _, _) => credit.Release());
        link.Closed += (_, _) => closed.Cancel();
    }

    /// <summary>The link's com.microsoft:epoch, when it asked for exclusive reading.</summary>
    public long? OwnerLevel { get; }

    public string PartitionId => partition.Id;

    public Task RunAsync() => Task.Run(PumpAsync);

    /// <summary>Detaches the link with the given error (a newer owner took the partition, a fault).</summary>
    public void Detach(string condition, string description) =>
        link.SafeClose(new AmqpException(new Error { Condition = condition, Description = description }));

    private async Task PumpAsync()
    {
        CancellationToken token = closed.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (link.LinkCredit == 0)
                {
                    await credit.WaitAsync(token).ConfigureAwait(false);
                    continue;
                }

                StoredEvent? stored = partition.At(next);
                if (stored is null)
                {
                    await partition.WaitForAsync(next, token).ConfigureAwait(false);
                    continue;
                }

                if (fault is not null && sent == fault.AfterEvents)
                {
                    Fail(fault);
                    return;
                }

                link.SendMessageNoWait(ToMessage(stored), new ArraySegment<byte>(BitConverter.GetBytes(stored.SequenceNumber)), AmqpConstants.NullBinary);
                next++;
                sent++;
            }
        }
        catch (OperationCanceledException)
        {
            // The link closed.
        }
    }

    private void Fail(EventHubFault injected)
    {
        if (injected.Kind == EventHubFaultKind.ConnectionDropped)
        {
            // No close frame: the transport goes away as when a gateway restarts.
            link.Session.Connection.Abort();
        }
        else
        {
            Detach("amqp:link:detach-forced", "The service detached the link (simulated fault).");
        }
    }

    private static AmqpMessage ToMessage(StoredEvent stored)
    {
        AmqpMessage message = AmqpMessage.Create(new Data { Value = new ArraySegment<byte>(stored.Body.ToArray()) });
        message.MessageAnnotations.Map["x-opt-sequence-number"] = stored.SequenceNumber;
        message.MessageAnnotations.Map["x-opt-offset"] = stored.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        message.MessageAnnotations.Map["x-opt-enqueued-time"] = stored.EnqueuedTimeUtc;
        return message;
    }
}
