using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// Syslog to listeners this test starts on loopback, comparing every byte received with frames built here from
/// RFC 5424 / RFC 3164 and RFC 6587 octet counting.
/// </summary>
public sealed class SyslogSenderTests : IDisposable
{
    private static readonly DateTimeOffset FixedTime = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);
    private const string Host = "collector-test";
    private const string App = "MdeSiemTest";

    // A bound on waits so a broken sender fails the test instead of hanging it; never an assertion on time.
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    private static List<SyslogMessage> Messages() => new()
    {
        new SyslogMessage("CEF:0|Microsoft|Microsoft Defender ATP|2.0|x|a\\|b|8|cs1=\\= é", SyslogSeverity.Error),
        new SyslogMessage("LEEF:2.0|Microsoft|Microsoft Defender ATP|2.0|x|x09|cat=a\tsev=5", SyslogSeverity.Warning),
        new SyslogMessage("{\"a\":\"line\\nbreak\"}", SyslogSeverity.Informational),
    };

    /// <summary>RFC 5424 with facility local4 (20): PRI = 20*8 + severity; timestamp to the microsecond, UTC.</summary>
    private static string Rfc5424(SyslogMessage message) =>
        $"<{(20 * 8) + (int)message.Severity}>1 2026-03-04T05:06:07.123456Z {Host} {App} - - - {message.Text}";

    private static byte[] OctetCounted(IEnumerable<string> messages) => messages
        .SelectMany(m =>
        {
            var payload = Encoding.UTF8.GetBytes(m);
            return Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + " ").Concat(payload);
        })
        .ToArray();

    private static SyslogSenderOptions Options(SyslogProtocol protocol, int port, SyslogFormat format = SyslogFormat.Rfc5424, bool skip = false) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Protocol = protocol,
        Format = format,
        Facility = SyslogFacility.Local4,
        Hostname = Host,
        AppName = App,
        SkipCertificateCheck = skip,
        Clock = () => FixedTime,

        // A loaded machine can take seconds for a TLS handshake: the bound only stops a hang.
        ConnectTimeout = TimeSpan.FromMinutes(1),

        // Connect retries stay on (they are part of what is tested) but wait little.
        ConnectRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    [Theory]
    [InlineData(SyslogFormat.Rfc5424)]
    [InlineData(SyslogFormat.Rfc3164)]
    public async Task Udp_sends_one_datagram_per_message_byte_for_byte(SyslogFormat format)
    {
        using var listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)listener.Client.LocalEndPoint!).Port;
        var messages = Messages();
        using var sender = new SyslogSender(Options(SyslogProtocol.Udp, port, format));

        var results = await sender.SendAsync(messages, _guard.Token);

        Assert.All(results, r => Assert.True(r.Sent));
        foreach (var message in messages)
        {
            var datagram = await listener.ReceiveAsync(_guard.Token);
            var expected = format == SyslogFormat.Rfc5424
                ? Rfc5424(message)
                : $"<{(20 * 8) + (int)message.Severity}>Mar  4 05:06:07 {Host} {App}: {message.Text}";
            Assert.Equal(Encoding.UTF8.GetBytes(expected), datagram.Buffer);
        }
    }

    [Fact]
    public async Task Tcp_uses_octet_counting_and_every_byte_arrives()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var messages = Messages();
            var receiving = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                return await OctetCountedReader.ReadFramesAsync(client.GetStream(), messages.Count, _guard.Token);
            });
            using var sender = new SyslogSender(Options(SyslogProtocol.Tcp, port));

            var results = await sender.SendAsync(messages, _guard.Token);
            var (received, raw) = await receiving;

            Assert.All(results, r => Assert.True(r.Sent));
            Assert.Equal(OctetCounted(messages.Select(Rfc5424)), raw);
            Assert.Equal(messages.Select(Rfc5424), received);
            Assert.Equal(OctetCounted(new[] { Rfc5424(messages[0]) }).Length, results[0].Bytes);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Tls_frames_arrive_intact_through_a_self_signed_loopback_listener_over_one_connection()
    {
        using var certificate = SelfSignedCertificate();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var first = Messages();
            var second = Messages().Select(m => new SyslogMessage(m.Text + " again", m.Severity)).ToList();
            var firstRead = new TaskCompletionSource<byte[]>();
            var receiving = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(certificate);
                firstRead.SetResult((await OctetCountedReader.ReadFramesAsync(tls, first.Count, _guard.Token)).Raw);
                return (await OctetCountedReader.ReadFramesAsync(tls, second.Count, _guard.Token)).Raw;
            });
            using var sender = new SyslogSender(Options(SyslogProtocol.Tls, port, skip: true));

            // The second batch goes after the server has sent whatever follows its handshake (TLS 1.3 tickets):
            // that must not look like a closed connection.
            var results = (await sender.SendAsync(first, _guard.Token)).ToList();
            var firstRaw = await firstRead.Task;
            results.AddRange(await sender.SendAsync(second, _guard.Token));
            var secondRaw = await receiving;

            Assert.All(results, r => Assert.True(r.Sent));
            Assert.All(results, r => Assert.Equal(0, r.Reconnects));
            Assert.Equal(OctetCounted(first.Select(Rfc5424)), firstRaw);
            Assert.Equal(OctetCounted(second.Select(Rfc5424)), secondRaw);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Tls_to_an_untrusted_certificate_fails_each_message_when_the_check_is_not_skipped()
    {
        using var certificate = SelfSignedCertificate();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var serving = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                using var tls = new SslStream(client.GetStream());
                try
                {
                    await tls.AuthenticateAsServerAsync(certificate);
                }
                catch (Exception exception) when (exception is System.IO.IOException or System.Security.Authentication.AuthenticationException)
                {
                    // The client refused the certificate: what this test expects.
                }
            });
            using var sender = new SyslogSender(Options(SyslogProtocol.Tls, port));

            var results = await sender.SendAsync(Messages(), _guard.Token);
            await serving;

            Assert.All(results, r => Assert.False(r.Sent));
            Assert.All(results, r => Assert.Equal("MdeSiem.SyslogSendFailed", r.ErrorId));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Skipping_the_certificate_check_is_refused_for_a_remote_collector()
    {
        var error = Assert.Throws<MdeSiemException>(() => new SyslogSender(new SyslogSenderOptions
        {
            Host = "siem.example.com",
            Port = 6514,
            Protocol = SyslogProtocol.Tls,
            SkipCertificateCheck = true,
        }));
        Assert.Equal("MdeSiem.CertificateCheckNotAllowed", error.ErrorId);
    }

    [Fact]
    public async Task A_dropped_tcp_connection_is_reopened_and_later_messages_arrive_on_the_new_one()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var first = Messages();
            var second = Messages().Select(m => new SyslogMessage(m.Text + " (second batch)", m.Severity)).ToList();
            using var sender = new SyslogSender(Options(SyslogProtocol.Tcp, port));

            // The collector reads the first batch, then drops the connection.
            var firstConnection = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                var frames = await OctetCountedReader.ReadFramesAsync(client.GetStream(), first.Count, _guard.Token);
                client.Client.Shutdown(SocketShutdown.Both);
                return frames;
            });
            var firstResults = await sender.SendAsync(first, _guard.Token);
            var (_, firstRaw) = await firstConnection;

            var secondConnection = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                return await OctetCountedReader.ReadFramesAsync(client.GetStream(), second.Count, _guard.Token);
            });
            var secondResults = await sender.SendAsync(second, _guard.Token);
            var (_, secondRaw) = await secondConnection;

            Assert.All(firstResults.Concat(secondResults), r => Assert.True(r.Sent));
            Assert.Equal(1, secondResults[0].Reconnects);
            Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, firstResults.Concat(secondResults).Select(r => r.Index));
            Assert.Equal(OctetCounted(first.Select(Rfc5424)), firstRaw);
            Assert.Equal(OctetCounted(second.Select(Rfc5424)), secondRaw);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_a_batch_is_reopened_and_the_rest_of_the_batch_arrives()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var batch = Messages().Concat(Messages().Select(m => new SyslogMessage(m.Text + " #2", m.Severity))).ToList();
            var dropped = new TaskCompletionSource();
            var firstConnection = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                var frames = await OctetCountedReader.ReadFramesAsync(client.GetStream(), 2, _guard.Token);

                // Reset rather than close: the harshest drop a collector can do.
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                dropped.SetResult();
                return frames;
            });
            var secondConnection = Task.Run(async () =>
            {
                await dropped.Task;
                using var client = await listener.AcceptTcpClientAsync(_guard.Token);
                return await OctetCountedReader.ReadFramesAsync(client.GetStream(), batch.Count - 2, _guard.Token);
            });
            using var sender = new SyslogSender(Options(SyslogProtocol.Tcp, port));

            // The collector drops the connection after the second message, before the third is written.
            sender.BeforeEachMessage = index => index == 2 ? dropped.Task : Task.CompletedTask;
            var results = await sender.SendAsync(batch, _guard.Token);
            var (_, firstRaw) = await firstConnection;
            var (_, secondRaw) = await secondConnection;

            Assert.All(results, r => Assert.True(r.Sent));
            Assert.Equal(new[] { 0, 0, 1, 0, 0, 0 }, results.Select(r => r.Reconnects));
            Assert.Equal(OctetCounted(batch.Take(2).Select(Rfc5424)), firstRaw);
            Assert.Equal(OctetCounted(batch.Skip(2).Select(Rfc5424)), secondRaw);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Every_message_is_reported_when_the_port_is_closed()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var messages = Messages();
        using var sender = new SyslogSender(Options(SyslogProtocol.Tcp, port));

        var results = await sender.SendAsync(messages, _guard.Token);

        Assert.Equal(messages.Count, results.Count);
        Assert.All(results, r => Assert.False(r.Sent));
        Assert.All(results, r => Assert.Equal("MdeSiem.SyslogSendFailed", r.ErrorId));
        Assert.Equal(messages.Select(m => m.Text), results.Select(r => r.Message));
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new("1.3.6.1.5.5.7.3.1") }, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
