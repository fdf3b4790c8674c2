using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Sends syslog messages in batches over one connection kept open between batches. A broken TCP or TLS connection
/// is reopened and the message that met it is sent again (up to <see cref="SyslogSenderOptions.MaxReconnects"/>
/// times); a message that still cannot be sent is reported in its result, and the rest go on. When the collector
/// cannot be reached at all, the rest of that batch fails at once rather than waiting out a timeout per message.
/// </summary>
public sealed class SyslogSender : IDisposable
{
    private readonly SyslogSenderOptions _options;
    private readonly SyslogFrameBuilder _frames;
    private readonly ISyslogChannel _channel;
    private bool _opened;
    private long _nextIndex;

    public SyslogSender(SyslogSenderOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Validate(options);
        _frames = new SyslogFrameBuilder(options);
        _channel = options.Protocol == SyslogProtocol.Udp
            ? new SyslogUdpChannel(options.Host, options.Port)
            : new SyslogStreamChannel(options);
        Destination = $"{options.Protocol.ToString().ToLowerInvariant()}://{options.Host}:{options.Port}";
    }

    /// <summary>"udp://host:port", "tcp://..." or "tls://...", for messages and results.</summary>
    public string Destination { get; }

    public SyslogFrameBuilder Frames => _frames;

    /// <summary>Runs before each message is sent, with its index; lets tests act between two messages of a batch.</summary>
    internal Func<long, Task>? BeforeEachMessage { get; set; }

    public async Task<IReadOnlyList<SyslogSendResult>> SendAsync(IReadOnlyList<SyslogMessage> batch, CancellationToken cancellationToken)
    {
        var results = new List<SyslogSendResult>(batch.Count);
        string? unreachable = null;
        foreach (var message in batch)
        {
            var index = _nextIndex++;
            if (unreachable is not null)
            {
                results.Add(Failed(index, message, unreachable, 0));
                continue;
            }

            if (BeforeEachMessage is not null)
            {
                await BeforeEachMessage(index).ConfigureAwait(false);
            }

            var frame = _frames.Build(message);
            var (result, connectError) = await SendOneAsync(index, message, frame, cancellationToken).ConfigureAwait(false);
            unreachable = connectError;
            results.Add(result);
        }

        return results;
    }

    public void Dispose() => _channel.Dispose();

    private async Task<(SyslogSendResult Result, string? ConnectError)> SendOneAsync(long index, SyslogMessage message, byte[] frame, CancellationToken cancellationToken)
    {
        var reconnects = 0;
        var maxReconnects = _options.Protocol == SyslogProtocol.Udp ? 0 : Math.Max(0, _options.MaxReconnects);
        while (true)
        {
            if (!_channel.IsUsable)
            {
                try
                {
                    await _channel.OpenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
                {
                    _channel.Close();
                    var error = $"Could not connect to {Destination}: {exception.Message}";
                    return (Failed(index, message, error, reconnects), error);
                }

                if (_opened)
                {
                    reconnects++;
                }

                _opened = true;
            }

            try
            {
                await _channel.SendAsync(frame, cancellationToken).ConfigureAwait(false);
                return (new SyslogSendResult
                {
                    Index = index,
                    Sent = true,
                    Bytes = frame.Length,
                    Reconnects = reconnects,
                    Destination = Destination,
                    Message = message.Text,
                }, null);
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
            {
                _channel.Close();
                if (reconnects >= maxReconnects)
                {
                    return (Failed(index, message, $"Could not send to {Destination}: {exception.Message}", reconnects), null);
                }
            }
        }
    }

    private SyslogSendResult Failed(long index, SyslogMessage message, string error, int reconnects) => new()
    {
        Index = index,
        Sent = false,
        Reconnects = reconnects,
        Destination = Destination,
        ErrorId = "MdeSiem." + ErrorCode.SyslogSendFailed,
        Error = error,
        Message = message.Text,
    };

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is SocketException or IOException or TimeoutException or AuthenticationException
            or ObjectDisposedException or InvalidOperationException or OperationCanceledException;

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
                RecommendedAction = "Give the collector a certificate this machine trusts, or connect to it through loopback.",
                Target = options.Host,
            };
        }
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
