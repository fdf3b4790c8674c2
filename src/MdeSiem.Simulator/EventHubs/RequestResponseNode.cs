using System;
using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// An AMQP request/response node ($cbs, $management): the client attaches a sender to the node's address and a
/// receiver whose target is its reply-to address; each request is answered on that receiver with the request's
/// message-id as correlation-id and the outcome in the "status-code" / "status-description" application properties.
/// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-request-response
/// </summary>
public abstract class RequestResponseNode
{
    private const uint RequestCredit = 50;

    private readonly ConcurrentDictionary<string, SendingAmqpLink> replyLinks = new(StringComparer.Ordinal);

    protected RequestResponseNode(string address)
    {
        Address = address;
    }

    public string Address { get; }

    public void Attach(AmqpLink link)
    {
        if (link is ReceivingAmqpLink requests)
        {
            requests.RegisterMessageListener(message => OnRequest(requests, message));
            requests.SetTotalLinkCredit(RequestCredit, applyNow: true, updateAutoFlow: true);
            return;
        }

        var replies = (SendingAmqpLink)link;
        string replyTo = ((Target)replies.Settings.Target).Address?.ToString() ?? string.Empty;
        replyLinks[replyTo] = replies;
        replies.Closed += (_, _) => replyLinks.TryRemove(new(replyTo, replies));
    }

    /// <summary>The answer to one request; its status goes into the application properties.</summary>
    protected abstract AmqpMessage Answer(AmqpConnection connection, AmqpMessage request);

    protected static AmqpMessage Status(int statusCode, string description, AmqpMessage? response = null)
    {
        response ??= AmqpMessage.Create();
        response.ApplicationProperties ??= new ApplicationProperties();
        response.ApplicationProperties.Map["status-code"] = statusCode;
        response.ApplicationProperties.Map["status-description"] = description;
        return response;
    }

    protected static string? Property(AmqpMessage request, string name) =>
        request.ApplicationProperties?.Map.TryGetValue(name, out object? value) == true ? value?.ToString() : null;

    private void OnRequest(ReceivingAmqpLink requests, AmqpMessage request)
    {
        using (request)
        {
            requests.AcceptMessage(request, batchable: false);
            string? replyTo = request.Properties?.ReplyTo?.ToString();
            if (replyTo is null || !replyLinks.TryGetValue(replyTo, out SendingAmqpLink? replies))
            {
                return;
            }

            AmqpMessage response;
            try
            {
                response = Answer(requests.Session.Connection, request);
            }
            catch (AmqpException exception)
            {
                response = Status(500, exception.Error.Description ?? exception.Message);
                response.ApplicationProperties.Map["error-condition"] = exception.Error.Condition;
            }

            response.Properties.CorrelationId = request.Properties!.MessageId;
            response.Settled = true;
            replies.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
        }
    }
}
