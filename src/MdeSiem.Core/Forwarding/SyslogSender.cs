using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Sends syslog messages in batches over one connection kept open between batches. A connect that fails is tried
/// again with bounded back-off (<see cref="SyslogConnectRetry"/>). Over TCP and TLS a broken connection is reopened
/// and the message that met it is sent again (up to <see cref="SyslogSenderOptions.MaxReconnects"/> times); over
/// RELP every unacknowledged message is (<see cref="SyslogRelpTransport"/>). A message that still cannot be sent is
/// reported in its result, and the rest go on. When the collector cannot be reached at all, the rest of that batch
/// fails at once rather than waiting out the back-off per message.
/// </summary>
public sealed class SyslogSender : IDisposable
{
    private readonly SyslogSenderOptions _options;
    private readonly SyslogFrameBuilder _frames;
    private readonly SyslogConnectRetry _retry;
    private readonly ISyslogChannel? _channel;
    private readonly SyslogRelpTransport? _relp;
    private bool _opened;
    private long _nextIndex;

    public SyslogSender(SyslogSenderOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Validate(options);
        _frames = new SyslogFrameBuilder(options);
        Destination = $"{options.Protocol.ToString().ToLowerInvariant()}://{options.Host}:{options.Port}";
        _retry = new SyslogConnectRetry(options, Destination);
        switch (options.Protocol)
        {
            case SyslogProtocol.Udp:
                _channel = new SyslogUdpChannel(options.Host, options.Port);
                break;
            case SyslogProtocol.Relp or SyslogProtocol.RelpTls:
                _relp = new SyslogRelpTransport(options, _retry, Destination);
                break;
            default:
                _channel = new SyslogStreamChannel(options);
                break;
        }
    }

    /// <summary>"udp://host:port", "tcp://...", "tls://...", "relp://..." or "relptls://...", for messages and results.</summary>
    public string Destination { get; }

    public SyslogFrameBuilder Frames => _frames;

    /// <summary>Runs before each message is sent, with its index; lets tests act between two messages of a batch (not over RELP).</summary>
    internal Func<long, Task>? BeforeEachMessage { get; set; }

    public async Task<IReadOnlyList<SyslogSendResult>> SendAsync(IReadOnlyList<SyslogMessage> batch, CancellationToken cancellationToken)
    {
        var outgoing = new List<SyslogOutgoing>(batch.Count);
        foreach (var message in batch)
        {
            outgoing.Add(new SyslogOutgoing(_nextIndex++, message, _frames.Build(message)));
        }

        return _relp is not null
            ? await _relp.SendAsync(outgoing, cancellationToken).ConfigureAwait(false)
            : await SendEachAsync(outgoing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the connection cleanly (RELP's "close"); the sender cannot be used afterwards.</summary>
    public async Task<bool> CloseAsync(CancellationToken cancellationToken)
    {
        if (_relp is not null)
        {
            await _relp.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        Dispose();
        return true;
    }

    public void Dispose()
    {
        _channel?.Dispose();
        _relp?.Dispose();
    }

    private async Task<IReadOnlyList<SyslogSendResult>> SendEachAsync(IReadOnlyList<SyslogOutgoing> batch, CancellationToken cancellationToken)
    {
        var results = new List<SyslogSendResult>(batch.Count);
        string? unreachable = null;
        foreach (var outgoing in batch)
        {
            if (unreachable is not null)
            {
                results.Add(SyslogResults.Failed(outgoing, Destination, unreachable, 0));
                continue;
            }

            if (BeforeEachMessage is not null)
            {
                await BeforeEachMessage(outgoing.Index).ConfigureAwait(false);
            }

            var (result, connectError) = await SendOneAsync(outgoing, cancellationToken).ConfigureAwait(false);
            unreachable = connectError;
            results.Add(result);
        }

        return results;
    }

    private async Task<(SyslogSendResult Result, string? ConnectError)> SendOneAsync(SyslogOutgoing outgoing, CancellationToken cancellationToken)
    {
        var channel = _channel!;
        var frame = outgoing.Frame.Bytes;
        var reconnects = 0;
        var maxReconnects = _options.Protocol == SyslogProtocol.Udp ? 0 : Math.Max(0, _options.MaxReconnects);
        while (true)
        {
            if (!channel.IsUsable)
            {
                try
                {
                    await _retry.OpenAsync(
                        async token =>
                        {
                            await channel.OpenAsync(token).ConfigureAwait(false);
                            return true;
                        },
                        cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (SyslogTransportFailure.Is(exception, cancellationToken))
                {
                    channel.Close();
                    var error = $"Could not connect to {Destination}: {exception.Message}";
                    return (SyslogResults.Failed(outgoing, Destination, error, reconnects), error);
                }

                if (_opened)
                {
                    reconnects++;
                }

                _opened = true;
            }

            try
            {
                await channel.SendAsync(frame, cancellationToken).ConfigureAwait(false);
                return (SyslogResults.Sent(outgoing, Destination, reconnects, frame.Length, acknowledged: false), null);
            }
            catch (Exception exception) when (SyslogTransportFailure.Is(exception, cancellationToken))
            {
                channel.Close();
                if (reconnects >= maxReconnects)
                {
                    return (SyslogResults.Failed(outgoing, Destination, $"Could not send to {Destination}: {exception.Message}", reconnects), null);
                }
            }
        }
    }

    private static void Validate(SyslogSenderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "A syslog host name or address is required.");
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"{options.Port} is not a port number (1-65535).");
        }

        if (options.SkipCertificateCheck && !IsLoopback(options.Host))
        {
            throw new MdeSiemException(
                ErrorCode.CertificateCheckNotAllowed,
                $"Skipping the certificate check is only allowed for a collector on this machine (loopback), not for '{options.Host}'.")
            {
                RecommendedAction = "Give the collector a certificate this machine trusts, trust its CA with -CaCertificatePath, pin it with -CertificatePin, or connect to it through loopback.",
                Target = options.Host,
            };
        }

        // Pins are parsed now so a typo stops the command before anything is sent.
        foreach (var pin in options.CertificatePins ?? Array.Empty<string>())
        {
            SyslogCertificatePin.Parse(pin);
        }
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
