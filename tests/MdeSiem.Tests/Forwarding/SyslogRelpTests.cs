using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>RELP to a server scripted here (<see cref="RelpTestServer"/>): acknowledgements, resend after a break, refusals.</summary>
public sealed class SyslogRelpTests : IDisposable
{
    private static readonly DateTimeOffset FixedTime = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    private static SyslogSenderOptions Options(int port, int window = 128) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Protocol = SyslogProtocol.Relp,
        Facility = SyslogFacility.Local4,
        Hostname = "h",
        AppName = "a",
        RelpWindow = window,
        Clock = () => FixedTime,
        ConnectRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    private static List<SyslogMessage> Messages(int count) => Enumerable.Range(1, count).Select(i => new SyslogMessage($"message {i}")).ToList();

    private static string Wire(SyslogMessage message) => $"<166>1 2026-03-04T05:06:07.000000Z h a - - - {message.Text}";

    [Fact]
    public async Task Every_message_is_acknowledged_and_reported_so()
    {
        using var server = new RelpTestServer();
        var serving = server.ServeSessionAsync(null, 0, null, _guard.Token);
        var messages = Messages(300);
        using var sender = new SyslogSender(Options(server.Port, window: 16));

        var results = await sender.SendAsync(messages, _guard.Token);
        await sender.CloseAsync(_guard.Token);
        await serving;

        Assert.All(results, r => Assert.True(r.Sent && r.Acknowledged));
        Assert.All(results, r => Assert.Equal(0, r.Reconnects));
        Assert.Equal(messages.Select(Wire), server.Received);
    }

    [Fact]
    public async Task Messages_unacknowledged_when_the_connection_breaks_are_sent_again_on_a_new_session()
    {
        using var server = new RelpTestServer();

        // The first session acknowledges 10, takes 5 more without answering, then resets; the second answers all.
        var serving = Task.Run(async () =>
        {
            await server.ServeSessionAsync(10, 5, null, _guard.Token);
            await server.ServeSessionAsync(null, 0, null, _guard.Token);
        });
        var messages = Messages(40);
        using var sender = new SyslogSender(Options(server.Port, window: 8));

        var results = await sender.SendAsync(messages, _guard.Token);
        await sender.CloseAsync(_guard.Token);
        await serving;

        Assert.All(results, r => Assert.True(r.Sent && r.Acknowledged));

        // Every message arrived; the five the first session took unanswered arrived twice. The reset can also
        // discard answers the server sent just before it (to messages 9 and 10) while still unread: the kernel drops
        // unread data on a reset, and those went twice as well. Either way, a message arrived twice only if its
        // result reports a resend, and what was resent is a window of 8 that awaited answers when the reset came.
        var counts = server.Received.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(messages.Select(Wire).OrderBy(m => m), counts.Keys.OrderBy(m => m));
        var resent = results.Where(r => r.Reconnects > 0).Select(r => r.Index).ToList();
        Assert.Equal(8, resent.Count);
        Assert.Equal(Enumerable.Range((int)resent[0], 8).Select(i => (long)i), resent);
        Assert.Subset(resent.ToHashSet(), new HashSet<long> { 10, 11, 12, 13, 14 });
        Assert.All(results.Where(r => r.Reconnects > 0), r => Assert.Equal(1, r.Reconnects));
        var twice = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        Assert.All(messages.Skip(10).Take(5).Select(Wire), m => Assert.Equal(2, counts[m]));
        Assert.All(twice, m => Assert.Contains(messages.IndexOf(messages.First(x => Wire(x) == m)), resent.Select(i => (int)i)));
        Assert.Equal(messages.Count + twice.Count, server.Received.Count);
    }

    [Fact]
    public async Task A_message_the_collector_refuses_is_reported_and_not_sent_again()
    {
        using var server = new RelpTestServer();
        var serving = server.ServeSessionAsync(null, 0, m => m.EndsWith("message 3", StringComparison.Ordinal), _guard.Token);
        var messages = Messages(5);
        using var sender = new SyslogSender(Options(server.Port));

        var results = await sender.SendAsync(messages, _guard.Token);
        await sender.CloseAsync(_guard.Token);
        await serving;

        Assert.Equal(new[] { true, true, false, true, true }, results.Select(r => r.Sent));
        Assert.Equal("MdeSiem.SyslogSendFailed", results[2].ErrorId);
        Assert.Contains("500", results[2].Error, StringComparison.Ordinal);
        Assert.Equal(messages.Select(Wire), server.Received);
    }
}
