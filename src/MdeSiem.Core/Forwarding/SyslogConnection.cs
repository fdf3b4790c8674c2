using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// One TCP connection to the collector, with TLS on it when asked: the server's certificate is checked by
/// <see cref="SyslogServerCertificateCheck"/> and the client certificate, if any, is offered whatever CAs the server
/// names (the server decides, and its refusal is then seen as a close).
/// </summary>
internal sealed class SyslogConnection : IDisposable
{
    private SyslogConnection(TcpClient client, Stream stream, TimeSpan handshake)
    {
        Client = client;
        Stream = stream;
        Handshake = handshake;
    }

    public TcpClient Client { get; }

    public Stream Stream { get; }

    /// <summary>How long the TCP connect and TLS handshake took: a measure of the round trip to the collector.</summary>
    public TimeSpan Handshake { get; }

    public static async Task<SyslogConnection> OpenAsync(SyslogSenderOptions options, bool tls, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            // netstandard2.0 has no cancellable ConnectAsync: disposing the client aborts it.
            using (timeout.Token.Register(client.Dispose))
            {
                await client.ConnectAsync(options.Host, options.Port).ConfigureAwait(false);
                Stream stream = client.GetStream();
                if (tls)
                {
                    stream = await AuthenticateAsync(stream, options).ConfigureAwait(false);
                }

                return new SyslogConnection(client, stream, watch.Elapsed);
            }
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"No connection to {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            client.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        Client.Dispose();
    }

    private static async Task<Stream> AuthenticateAsync(Stream stream, SyslogSenderOptions options)
    {
        var check = new SyslogServerCertificateCheck(options);
        var clientCertificate = options.ClientCertificate;
        var tls = new SslStream(
            stream,
            false,
            check.Validate,
            clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate);
        var clientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate };
        try
        {
            await tls.AuthenticateAsClientAsync(options.Host, clientCertificates, SslProtocols.None, checkCertificateRevocation: false).ConfigureAwait(false);
        }
        catch (AuthenticationException exception) when (check.Refusal is not null)
        {
            tls.Dispose();
            throw new AuthenticationException($"The collector's certificate was refused: {check.Refusal}.", exception);
        }
        catch
        {
            tls.Dispose();
            throw;
        }

        return tls;
    }
}
