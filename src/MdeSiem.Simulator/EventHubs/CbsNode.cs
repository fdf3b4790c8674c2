using System;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// The "$cbs" node: a put-token request (application properties operation "put-token", type
/// "servicebus.windows.net:sastoken" or "jwt", name = the audience, expiration; the token as an AMQP value body)
/// authorizes the connection for the audience. Answered with status-code 202 as the service does, 401 for a token
/// that does not check out, and 404 for a valid token whose audience is an event hub the namespace does not have
/// (the service's "Put token failed. status-code: 404, status-description: The messaging entity
/// 'sb://{namespace}/{hub}' could not be found.", as users of a mistyped hub name report it:
/// https://github.com/microsoft/MCW-Cosmos-DB-Real-Time-Advanced-Analytics/issues/25). Names from
/// Microsoft.Azure.Amqp src/Cbs/CbsConstants.cs and AmqpCbsLink.cs.
/// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-protocol-guide#claims-based-authorization
/// </summary>
public sealed class CbsNode : RequestResponseNode
{
    public const string SasTokenType = "servicebus.windows.net:sastoken";
    public const string JwtTokenType = "jwt";

    private readonly SimulatedEventHub hub;

    public CbsNode(SimulatedEventHub hub)
        : base("$cbs")
    {
        this.hub = hub;
    }

    protected override AmqpMessage Answer(AmqpConnection connection, AmqpMessage request)
    {
        if (!string.Equals(Property(request, "operation"), "put-token", StringComparison.Ordinal))
        {
            return Status(400, "The only operation of $cbs is put-token.");
        }

        string type = Property(request, "type") ?? string.Empty;
        string audience = Property(request, "name") ?? string.Empty;
        string token = request.ValueBody?.Value as string ?? string.Empty;
        string? failure = hub.CheckToken(type, token);
        if (failure is not null)
        {
            return Status(401, failure);
        }

        if (!hub.HasEntityOf(audience))
        {
            return Status(404, $"The messaging entity '{audience}' could not be found.");
        }

        hub.Grants.Grant(connection, audience);
        return Status(202, "Accepted");
    }
}
