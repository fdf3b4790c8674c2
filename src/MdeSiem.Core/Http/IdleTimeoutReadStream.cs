using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Http;

/// <summary>
/// Fails a body read that receives nothing for the idle timeout. HttpClient.Timeout stops counting once the headers
/// are in (ResponseHeadersRead), so a server that stalls mid-body would otherwise hang a pull for ever. On timeout
/// the response is closed (some stacks ignore cancellation inside a read; closing always ends it) and the read
/// throws ResponseBodyTimeout, which the clients report with the count of records already delivered.
/// </summary>
internal sealed class IdleTimeoutReadStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly Action _abort;
    private readonly Uri _target;

    // Set before the response is closed for a stall. A timer can fire just after its read returned (a busy machine
    // runs the continuation late); the read after that then ends on the closed response, and must still say "stall".
    private volatile bool _stalled;

    public IdleTimeoutReadStream(Stream inner, TimeSpan idleTimeout, Action abort, Uri target)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _abort = abort;
        _target = target;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(_idleTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        using var abortOnIdle = idle.Token.Register(Stall);
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (_stalled && !cancellationToken.IsCancellationRequested)
        {
            // Whatever the read threw once the response was closed under it (cancelled, disposed, IO), the cause
            // is the stall.
            throw HttpFailureTranslator.FromStalledBody(exception, _target, _idleTimeout);
        }

        // Closing the response can also make a read end quietly, as if the body were complete: that end is the
        // stall too, not a short body.
        if (read == 0 && _stalled && !cancellationToken.IsCancellationRequested)
        {
            throw HttpFailureTranslator.FromStalledBody(new TimeoutException("No data arrived."), _target, _idleTimeout);
        }

        return read;
    }

    private void Stall()
    {
        _stalled = true;
        _abort();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
