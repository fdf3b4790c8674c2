using System;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Generation;
using MdeSiem.Simulator.Hosting;
using MdeSiem.Simulator.Identity;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Siem;

/// <summary>
/// GET /api/alerts. The JSON array is written straight to the response pipe as records are generated, without a
/// Content-Length (chunked), so a million-record answer never sits in memory and the client sees the first records
/// while later ones are still being produced.
/// </summary>
internal sealed class AlertsEndpoint
{
    // Measured: handing Kestrel ~32 KiB at a time (about 16 records) lets generation overlap with encryption and
    // sending; flushing every few hundred records (~500 KiB) made the two take turns and cost a quarter of the speed.
    private const int BytesPerFlush = 32 * 1024;

    private readonly AccessTokenValidator validator;
    private readonly AlertStore store;
    private readonly FaultQueue faults;
    private readonly TimeProvider clock;

    public AlertsEndpoint(AccessTokenValidator validator, AlertStore store, FaultQueue faults, TimeProvider clock)
    {
        this.validator = validator;
        this.store = store;
        this.faults = faults;
        this.clock = clock;
    }

    public async Task HandleAsync(HttpContext context)
    {
        SimulatedFault? fault = faults.TakeNext(FaultTarget.SiemApi);
        if (fault is not null && await FaultResponder.AnswerAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        TokenCheck token = validator.Check(context.Request.Headers.Authorization.ToString());
        if (token.Outcome != TokenOutcome.Valid)
        {
            await RefuseAsync(context, token).ConfigureAwait(false);
            return;
        }

        if (!AlertQueryParser.TryParse(context.Request.Query, clock.GetUtcNow().UtcDateTime, out AlertQuery? query, out string error) || query is null)
        {
            await SiemError.BadRequest(error).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (fault?.MalformedBody == true)
        {
            await WriteMalformedAsync(context).ConfigureAwait(false);
            return;
        }

        await StreamAsync(context, query, fault?.TruncateAfterRecords).ConfigureAwait(false);
    }

    private async Task StreamAsync(HttpContext context, AlertQuery query, int? truncateAfter)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponse.ContentType;
        PipeWriter body = context.Response.BodyWriter;
        using var writer = new Utf8JsonWriter(body, SiemRecordWriter.WriterOptions);
        writer.WriteStartArray();
        int written = 0;
        long flushedBytes = 0;
        var recordCache = new RecordCache();
        foreach (RecordPosition position in RecordSelection.Select(store.Snapshot, query))
        {
            if (written == truncateAfter)
            {
                await AbortMidArrayAsync(context, writer, body).ConfigureAwait(false);
                return;
            }

            SiemRecordWriter.WriteRecord(writer, position.Batch.GetRecord(position.Index, recordCache));
            written++;
            if (writer.BytesCommitted + writer.BytesPending - flushedBytes >= BytesPerFlush)
            {
                writer.Flush();
                flushedBytes = writer.BytesCommitted;
                FlushResult result = await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (result.IsCanceled || result.IsCompleted)
                {
                    // The client went away; nobody is left to write to.
                    return;
                }
            }
        }

        if (written == truncateAfter)
        {
            await AbortMidArrayAsync(context, writer, body).ConfigureAwait(false);
            return;
        }

        writer.WriteEndArray();
        writer.Flush();
    }

    /// <summary>
    /// Sends what was written, then ends the connection before the array is closed, as a dropped connection would.
    /// The pause lets Kestrel hand the flushed records to the socket (an abort discards what it still holds); the
    /// FIN that follows makes the client see a premature end of the body ("response ended prematurely") rather than
    /// a reset that could also discard records it has received but not yet read.
    /// </summary>
    private static async Task AbortMidArrayAsync(HttpContext context, Utf8JsonWriter writer, PipeWriter body)
    {
        writer.Flush();
        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await Task.Delay(CutGracePeriod.Value, context.RequestAborted).ConfigureAwait(false);
        context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Send);
        context.Abort();
    }

    private static Task RefuseAsync(HttpContext context, TokenCheck token)
    {
        if (token.Outcome == TokenOutcome.Forbidden)
        {
            return SiemError.Forbidden(token.Message).WriteAsync(context);
        }

        // RFC 6750: a request without credentials gets the bare challenge, a bad token gets invalid_token.
        context.Response.Headers.WWWAuthenticate = token.Outcome == TokenOutcome.Missing
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{token.Message}\"";
        return SiemError.Unauthorized(token.Message).WriteAsync(context);
    }

    /// <summary>
    /// A complete response whose JSON is invalid (an unquoted string value), not merely cut short: clients should
    /// report bad data here, and an incomplete response for <see cref="SimulatedFault.TruncateAfterRecords"/>.
    /// </summary>
    private static async Task WriteMalformedAsync(HttpContext context)
    {
        byte[] broken = Encoding.UTF8.GetBytes("[{\"AlertTime\":\"2020-09-30T14:09:20.35743Z\",\"ComputerDnsName\":mymachine1.domain.com}]");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponse.ContentType;
        context.Response.ContentLength = broken.Length;
        await context.Response.Body.WriteAsync(broken, context.RequestAborted).ConfigureAwait(false);
    }
}
