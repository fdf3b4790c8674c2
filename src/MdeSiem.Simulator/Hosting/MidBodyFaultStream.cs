using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Sits between an endpoint and the response body and counts the bytes going out; at the fault's byte it either
/// resets the connection (<see cref="SimulatedFault.ResetAfterBytes"/>) or holds the body
/// (<see cref="SimulatedFault.StallAfterBytes"/>). Working on bytes rather than records makes the fault usable by
/// every endpoint, whatever it writes and however (Body or BodyWriter: ASP.NET Core routes both through here).
/// </summary>
internal sealed class MidBodyFaultStream : Stream
{
    private readonly Stream inner;
    private readonly HttpContext context;
    private readonly SimulatedFault fault;
    private readonly long faultAtByte;
    private long written;
    private bool fired;

    private MidBodyFaultStream(Stream inner, HttpContext context, SimulatedFault fault)
    {
        this.inner = inner;
        this.context = context;
        this.fault = fault;
        faultAtByte = fault.ResetAfterBytes ?? fault.StallAfterBytes ?? 0;
    }

    public static void Install(HttpContext context, SimulatedFault fault) =>
        context.Response.Body = new MidBodyFaultStream(context.Response.Body, context, fault);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (fired || written + buffer.Length < faultAtByte || buffer.IsEmpty)
        {
            ThrowIfReset();
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            written += buffer.Length;
            return;
        }

        int head = (int)(faultAtByte - written);
        await inner.WriteAsync(buffer[..head], cancellationToken).ConfigureAwait(false);
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        written += head;
        fired = true;
        if (fault.ResetAfterBytes is not null)
        {
            await ResetAsync().ConfigureAwait(false);
            ThrowIfReset();
        }

        await Task.Delay(fault.StallFor, context.RequestAborted).ConfigureAwait(false);
        await inner.WriteAsync(buffer[head..], cancellationToken).ConfigureAwait(false);
        written += buffer.Length - head;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        ThrowIfReset();
        return inner.FlushAsync(cancellationToken);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// A zero linger time makes closing the socket send RST instead of FIN: the client sees "connection reset",
    /// not a clean end of the body.
    /// </summary>
    private async Task ResetAsync()
    {
        await Task.Delay(CutGracePeriod.Value, context.RequestAborted).ConfigureAwait(false);
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        context.Abort();
    }

    /// <summary>After the reset the endpoint's remaining writes go nowhere; ending them as cancelled stops its loop.</summary>
    private void ThrowIfReset()
    {
        if (fired && fault.ResetAfterBytes is not null)
        {
            throw new OperationCanceledException("The simulator reset the connection (fault).", context.RequestAborted);
        }
    }
}
