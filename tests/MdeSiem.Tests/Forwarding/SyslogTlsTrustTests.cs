using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// TLS trust and client certificates against a .NET TLS listener: a CA made here, a collector certificate it issues
/// (for a chosen name), and a listener that requires a client certificate from that CA, as rsyslog's x509/certvalid.
/// </summary>
public sealed class SyslogTlsTrustTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));
    private readonly X509Certificate2 _ca = Authority("CN=Trust test CA");
    private readonly X509Certificate2 _otherCa = Authority("CN=Other CA");

    public void Dispose()
    {
        _guard.Dispose();
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static SyslogSenderOptions Options(int port, X509Certificate2? ca = null, X509Certificate2? client = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Protocol = SyslogProtocol.Tls,
        Hostname = "h",
        AppName = "a",
        TrustedCertificates = ca is null ? null : new X509Certificate2Collection(ca),
        ClientCertificate = client,
        ConnectRetries = 0,
        ConnectTimeout = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task A_collector_certificate_issued_by_the_given_ca_is_trusted()
    {
        using var server = Issue(_ca, "127.0.0.1", serverAuth: true);
        await using var collector = new TlsCollector(server, requireClientFrom: null, _guard.Token);
        using var sender = new SyslogSender(Options(collector.Port, _ca));

        var results = await sender.SendAsync(new[] { new SyslogMessage("trusted") }, _guard.Token);
        sender.Dispose();

        Assert.True(results[0].Sent);
        Assert.EndsWith(" trusted", await collector.ReceivedAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused_with_the_reason()
    {
        using var server = Issue(_otherCa, "127.0.0.1", serverAuth: true);
        await using var collector = new TlsCollector(server, requireClientFrom: null, _guard.Token);
        using var sender = new SyslogSender(Options(collector.Port, _ca));

        var results = await sender.SendAsync(new[] { new SyslogMessage("x") }, _guard.Token);

        Assert.False(results[0].Sent);
        Assert.Contains("does not chain to a trusted CA", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_the_given_ca_for_another_name_is_refused()
    {
        using var server = Issue(_ca, "collector.example", serverAuth: true);
        await using var collector = new TlsCollector(server, requireClientFrom: null, _guard.Token);
        using var sender = new SyslogSender(Options(collector.Port, _ca));

        var results = await sender.SendAsync(new[] { new SyslogMessage("x") }, _guard.Token);

        Assert.False(results[0].Sent);
        Assert.Contains("not issued to the name", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collector_that_rejects_the_missing_client_certificate_after_the_handshake_gets_nothing_reported_sent()
    {
        using var server = Issue(_ca, "127.0.0.1", serverAuth: true);
        await using var collector = new TlsCollector(server, requireClientFrom: _ca, _guard.Token);
        using var sender = new SyslogSender(Options(collector.Port, _ca));

        var results = await sender.SendAsync(new[] { new SyslogMessage("one"), new SyslogMessage("two") }, _guard.Token);

        Assert.All(results, r => Assert.False(r.Sent));
        Assert.All(results, r => Assert.Equal("MdeSiem.SyslogSendFailed", r.ErrorId));
    }

    [Fact]
    public async Task A_client_certificate_from_the_collectors_ca_is_accepted()
    {
        using var server = Issue(_ca, "127.0.0.1", serverAuth: true);
        using var client = Issue(_ca, "forwarder", serverAuth: false);
        await using var collector = new TlsCollector(server, requireClientFrom: _ca, _guard.Token);
        using var sender = new SyslogSender(Options(collector.Port, _ca, client));

        var results = await sender.SendAsync(new[] { new SyslogMessage("mutual") }, _guard.Token);
        sender.Dispose();

        Assert.True(results[0].Sent);
        Assert.EndsWith(" mutual", await collector.ReceivedAsync(), StringComparison.Ordinal);
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string name, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(name, out var address))
        {
            names.AddIpAddress(address);
        }
        else
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] = 0x12;
        using var issued = request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    /// <summary>
    /// One TLS connection: the handshake, then (when a client certificate is required) the check of the client's
    /// chain against the CA, closing the connection on failure as rsyslog does; then one octet-counted message.
    /// </summary>
    private sealed class TlsCollector : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task<string?> _serving;

        public TlsCollector(X509Certificate2 certificate, X509Certificate2? requireClientFrom, CancellationToken cancellationToken)
        {
            _listener.Start();
            _serving = ServeAsync(certificate, requireClientFrom, cancellationToken);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<string> ReceivedAsync() => await _serving ?? throw new InvalidOperationException("Nothing was received.");

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        private async Task<string?> ServeAsync(X509Certificate2 certificate, X509Certificate2? requireClientFrom, CancellationToken cancellationToken)
        {
            using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            using var tls = new SslStream(client.GetStream(), false, (_, presented, _, _) => true);
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateRequired = requireClientFrom is not null,
                }, cancellationToken);
            }
            catch (Exception exception) when (exception is AuthenticationException or IOException)
            {
                return null;
            }

            if (requireClientFrom is not null && !IssuedBy(tls.RemoteCertificate, requireClientFrom))
            {
                return null;
            }

            var (messages, _) = await OctetCountedReader.ReadFramesAsync(tls, 1, cancellationToken);
            return messages.Count == 1 ? messages[0] : null;
        }

        private static bool IssuedBy(X509Certificate? presented, X509Certificate2 ca)
        {
            if (presented is null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            using var certificate = new X509Certificate2(presented);
            return chain.Build(certificate);
        }
    }
}
