using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Sends a batch over RELP: up to <see cref="SyslogSenderOptions.RelpWindow"/> messages await their acknowledgement
/// at once, and a message is reported sent only when the collector's "rsp 200" for it arrives. When the connection
/// breaks, every message not yet acknowledged is sent again, in order, on a new session (after the connect back-off),
/// up to <see cref="SyslogSenderOptions.MaxReconnects"/> times each. So no message is lost without being reported;
/// the price, as RELP itself documents, is that a message the collector took just before the break, whose
/// acknowledgement was lost with the connection, arrives twice: only messages whose result shows Reconnects &gt; 0
/// can be such duplicates. A "rsp" with another status (500) is the collector refusing that message: it is reported,
/// not sent again.
/// </summary>
internal sealed class SyslogRelpTransport : IDisposable
{
    private readonly SyslogSenderOptions _options;
    private readonly SyslogConnectRetry _retry;
    private readonly string _destination;
    private RelpSession? _session;

    public SyslogRelpTransport(SyslogSenderOptions options, SyslogConnectRetry retry, string destination)
    {
        _options = options;
        _retry = retry;
        _destination = destination;
    }

    public async Task<IReadOnlyList<SyslogSendResult>> SendAsync(IReadOnlyList<SyslogOutgoing> batch, CancellationToken cancellationToken)
    {
        var results = new SyslogSendResult?[batch.Count];
        var resends = new int[batch.Count];
        var waiting = new Queue<int>();
        for (var position = 0; position < batch.Count; position++)
        {
            waiting.Enqueue(position);
        }

        var inFlight = new Queue<(int Position, int Transaction, int Bytes)>();
        var window = Math.Max(1, _options.RelpWindow);
        while (waiting.Count > 0 || inFlight.Count > 0)
        {
            if (_session is null)
            {
                try
                {
                    _session = await _retry.OpenAsync(token => RelpSession.OpenAsync(_options, token), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (SyslogTransportFailure.Is(exception, cancellationToken))
                {
                    var error = $"Could not connect to {_destination}: {exception.Message}";
                    foreach (var position in waiting)
                    {
                        results[position] = SyslogResults.Failed(batch[position], _destination, error, resends[position]);
                    }

                    break;
                }
            }

            try
            {
                while (waiting.Count > 0 && inFlight.Count < window)
                {
                    var position = waiting.Peek();
                    var payload = batch[position].Frame.Bytes;
                    var transaction = await _session.SendAsync("syslog", payload, cancellationToken).ConfigureAwait(false);
                    waiting.Dequeue();
                    inFlight.Enqueue((position, transaction, payload.Length));
                }

                await _session.FlushAsync(cancellationToken).ConfigureAwait(false);
                var response = await _session.ReadResponseAsync(cancellationToken).ConfigureAwait(false);
                var (answered, expected, bytes) = inFlight.Peek();

                // The spec has responses in the order of the commands: anything else is a broken session.
                if (response.Transaction != expected)
                {
                    throw new System.IO.InvalidDataException($"The collector answered RELP transaction {response.Transaction} where {expected} was due.");
                }

                inFlight.Dequeue();
                results[answered] = response.Ok
                    ? SyslogResults.Sent(batch[answered], _destination, resends[answered], bytes, acknowledged: true)
                    : SyslogResults.Failed(batch[answered], _destination, $"The collector refused the message: {response.Text}", resends[answered]);
            }
            catch (Exception exception) when (SyslogTransportFailure.Is(exception, cancellationToken))
            {
                _session?.Dispose();
                _session = null;
                var again = new Queue<int>();
                foreach (var (position, _, _) in inFlight)
                {
                    if (resends[position] >= Math.Max(0, _options.MaxReconnects))
                    {
                        results[position] = SyslogResults.Failed(batch[position], _destination, $"Not acknowledged by {_destination}: {exception.Message}", resends[position]);
                        continue;
                    }

                    resends[position]++;
                    again.Enqueue(position);
                }

                RequestLog.Write(string.Format(CultureInfo.InvariantCulture, "The RELP session with {0} broke ({1}); {2} unacknowledged message(s) will be sent again.", _destination, exception.Message, again.Count));
                foreach (var position in waiting)
                {
                    again.Enqueue(position);
                }

                waiting = again;
                inFlight.Clear();
            }
        }

        var done = new SyslogSendResult[batch.Count];
        for (var position = 0; position < batch.Count; position++)
        {
            done[position] = results[position]!;
        }

        return done;
    }

    /// <summary>Ends the session with RELP's "close" so the collector sees a clean end, then drops the connection.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            return;
        }

        try
        {
            await _session.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SyslogTransportFailure.Is(exception, cancellationToken))
        {
            // Every message was acknowledged before: a close that fails loses nothing.
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
    }
}
