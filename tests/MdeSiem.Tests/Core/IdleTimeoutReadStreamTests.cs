using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>A body read that gets nothing for the idle timeout fails with ResponseBodyTimeout, however the read ends.</summary>
public class IdleTimeoutReadStreamTests
{
    private static readonly Uri Target = new("https://api.securitycenter.microsoft.com/api/alerts");

    [Theory]
    [InlineData("ends quietly")]
    [InlineData("throws")]
    [InlineData("honours cancellation")]
    public async Task A_stalled_read_is_a_body_timeout_whatever_closing_the_response_does_to_it(string behaviour)
    {
        var stalled = new StalledStream(behaviour);
        using var stream = new IdleTimeoutReadStream(stalled, TimeSpan.FromMilliseconds(200), stalled.Hangup, Target);

        var error = await Assert.ThrowsAsync<MdeSiemException>(() => stream.ReadAsync(new byte[16], 0, 16, CancellationToken.None));

        Assert.Equal(ErrorCode.ResponseBodyTimeout, error.Code);
        Assert.Equal(Target, error.Target);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        var stalled = new StalledStream("honours cancellation");
        using var stream = new IdleTimeoutReadStream(stalled, TimeSpan.FromMinutes(5), stalled.Hangup, Target);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[16], 0, 16, cancel.Token));
    }

    [Fact]
    public async Task Data_that_keeps_coming_is_read_through()
    {
        using var stream = new IdleTimeoutReadStream(new MemoryStream(new byte[] { 1, 2, 3 }), TimeSpan.FromSeconds(30), () => { }, Target);
        var buffer = new byte[8];

        Assert.Equal(3, await stream.ReadAsync(buffer, 0, 8, CancellationToken.None));
        Assert.Equal(0, await stream.ReadAsync(buffer, 0, 8, CancellationToken.None));
    }

    /// <summary>A body that never sends; closing it ends a pending read the way the given stack does.</summary>
    private sealed class StalledStream(string behaviour) : Stream
    {
        private readonly TaskCompletionSource<int> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Hangup() => _closed.TrySetResult(0);

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (behaviour == "honours cancellation")
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var result = await _closed.Task;
            return behaviour == "throws" ? throw new ObjectDisposedException("response") : result;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
