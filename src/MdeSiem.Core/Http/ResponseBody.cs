using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Http;

/// <summary>
/// The one place a response body is opened for streaming: reads that stall longer than the body timeout fail,
/// bytes are counted for progress, and cancelling closes the response (some stacks ignore cancellation inside a
/// body read; closing the response always ends it).
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private readonly CancellationTokenRegistration _abortOnCancel;

    private ResponseBody(Stream stream, CancellationTokenRegistration abortOnCancel)
    {
        Stream = stream;
        _abortOnCancel = abortOnCancel;
    }

    public Stream Stream { get; }

    public static async Task<ResponseBody> OpenAsync(HttpResponseMessage response, TimeSpan bodyTimeout, Uri uri, PullStatistics statistics, CancellationToken cancellationToken)
    {
        var abortOnCancel = cancellationToken.Register(response.Dispose);
        try
        {
            var raw = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return new ResponseBody(new CountingReadStream(new IdleTimeoutReadStream(raw, bodyTimeout, response.Dispose, uri), statistics), abortOnCancel);
        }
        catch
        {
            abortOnCancel.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        _abortOnCancel.Dispose();
    }
}
