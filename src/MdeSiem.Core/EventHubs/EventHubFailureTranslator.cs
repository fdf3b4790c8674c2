using System;
using System.Net.Sockets;
using Azure.Messaging.EventHubs;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// Turns what the Event Hubs client gives up with (after its own retries) into the module's error ids. Messages are
/// written here from the failure reason only: the client's message can quote the endpoint and the entity.
/// Reasons: https://learn.microsoft.com/dotnet/api/azure.messaging.eventhubs.eventhubsexception.failurereason
/// </summary>
internal static class EventHubFailureTranslator
{
    public static MdeSiemException Translate(Exception exception, EventHubTarget target, string what)
    {
        var where = $"{what} of the {target.Describe()}";
        switch (exception)
        {
            case MdeSiemException known:
                return known;
            case UnauthorizedAccessException:
                return new MdeSiemException(ErrorCode.Unauthorized, $"The namespace refused the credentials while {where}.")
                {
                    RecommendedAction = "Use a shared access policy with Listen rights, or give the application the Azure Event Hubs Data Receiver role on the hub.",
                };
            case EventHubsException hubs:
                return hubs.Reason switch
                {
                    EventHubsException.FailureReason.ResourceNotFound => new MdeSiemException(ErrorCode.NotFound, $"The hub or consumer group does not exist while {where}.")
                    {
                        RecommendedAction = "Check the event hub's name (-EventHubName, or EntityPath in the connection string) and -ConsumerGroup against the Streaming API's destination.",
                    },
                    EventHubsException.FailureReason.ServiceBusy or EventHubsException.FailureReason.QuotaExceeded => new MdeSiemException(ErrorCode.Throttled, $"The namespace kept refusing as busy while {where}.")
                    {
                        RecommendedAction = "Run again later; a checkpointed run goes on where this one stopped.",
                    },
                    EventHubsException.FailureReason.ServiceTimeout => new MdeSiemException(ErrorCode.Timeout, $"The namespace did not answer in time while {where}."),
                    EventHubsException.FailureReason.ConsumerDisconnected => new MdeSiemException(ErrorCode.ServiceError, $"Another reader with a higher owner level took the partition while {where}.")
                    {
                        RecommendedAction = "Another consumer reads this consumer group exclusively; use another consumer group or a shared -CheckpointContainer.",
                    },
                    _ => new MdeSiemException(ErrorCode.ConnectionFailed, $"The namespace could not be reached or dropped the connection ({hubs.Reason}) while {where}.")
                    {
                        RecommendedAction = "Check the namespace name, the network path to it (AMQP, port 5671) and its firewall.",
                    },
                };
            case SocketException or System.IO.IOException:
                return new MdeSiemException(ErrorCode.ConnectionFailed, $"The namespace could not be reached while {where}.")
                {
                    RecommendedAction = "Check the namespace name, the network path to it (AMQP, port 5671) and its firewall.",
                };
            case TimeoutException:
                return new MdeSiemException(ErrorCode.Timeout, $"The namespace did not answer in time while {where}.");
            case ArgumentException or FormatException or InvalidOperationException:
                return new MdeSiemException(ErrorCode.BadRequest, $"The namespace refused the request ({exception.GetType().Name}) while {where}.");
            default:
                return new MdeSiemException(ErrorCode.ServiceError, $"Reading the hub failed ({exception.GetType().Name}) while {where}.");
        }
    }
}
