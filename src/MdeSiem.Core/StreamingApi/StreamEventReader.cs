using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Reads a table's export from the storage account: lists the hourly blobs in its container, reads each from a
/// known offset (a checkpoint's position, else its start) as a stream, and hands out one record per whole line as
/// the bytes arrive. Nothing holds a whole blob in memory. Blobs are read up to the length they had when listed,
/// so a blob that grows meanwhile is continued by the next run.
/// </summary>
public sealed class StreamEventReader
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly StreamStorageTarget _target;
    private readonly List<StreamBlobInfo> _seen = new();

    public StreamEventReader(StreamStorageTarget target)
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
    }

    /// <summary>The blobs the last read listed and chose, with their lengths then (for checkpoints).</summary>
    public IReadOnlyList<StreamBlobInfo> SeenBlobs => _seen;

    /// <param name="query">Table, time window and the hour to list from.</param>
    /// <param name="positions">Per blob, the offset already delivered; null to read every blob from its start.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async IAsyncEnumerable<StreamedRecord> ReadAsync(
        StreamEventQuery query,
        IReadOnlyDictionary<string, long>? positions,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        _seen.Clear();
        var container = _target.GetContainer(query.ContainerName);
        var blobs = await ListAsync(container, query, cancellationToken).ConfigureAwait(false);
        RequestLog.Write($"{blobs.Count} hourly blob(s) to look at in {_target.Describe(query.ContainerName)}.");
        foreach (var blob in blobs)
        {
            _seen.Add(blob);
            long start = 0;
            if (positions is not null && positions.TryGetValue(blob.Name, out var delivered))
            {
                start = delivered;
            }

            if (start >= blob.Length)
            {
                continue;
            }

            RequestLog.Write($"Reading {blob.Name} from byte {start} to {blob.Length}.");
            await foreach (var record in ReadBlobAsync(container, blob, start, query, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    private async Task<List<StreamBlobInfo>> ListAsync(BlobContainerClient container, StreamEventQuery query, CancellationToken cancellationToken)
    {
        var chosen = new List<StreamBlobInfo>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken).ConfigureAwait(false))
            {
                if (StreamingBlobPath.TryParseHour(item.Name, out var hour) && Covers(query, hour))
                {
                    chosen.Add(new StreamBlobInfo(item.Name, hour, item.Properties.ContentLength ?? 0));
                }
            }
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            throw StorageFailureTranslator.Translate(exception, "listing the " + _target.Describe(query.ContainerName));
        }

        chosen.Sort((a, b) => a.HourUtc != b.HourUtc ? a.HourUtc.CompareTo(b.HourUtc) : string.CompareOrdinal(a.Name, b.Name));
        return chosen;
    }

    /// <summary>Whether a blob's hour can hold records of the window (generous: records are filtered one by one).</summary>
    private static bool Covers(StreamEventQuery query, DateTime hourUtc) =>
        (query.FromHourUtc is not { } from || hourUtc >= from)
        && (query.SinceUtc is not { } since || hourUtc + Hour + query.LateAppendAllowance > since)
        && (query.UntilUtc is not { } until || hourUtc < until + query.LateAppendAllowance);

    private async IAsyncEnumerable<StreamedRecord> ReadBlobAsync(
        BlobContainerClient container,
        StreamBlobInfo blob,
        long start,
        StreamEventQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var what = $"reading the blob '{blob.Name}' of {_target.Describe(query.ContainerName)}";
        var content = await OpenAsync(container.GetBlobClient(blob.Name), start, blob.Length - start, what, cancellationToken).ConfigureAwait(false);
        var lines = BlobLineReader.ReadLinesAsync(content, start, query.IsSettled(blob.HourUtc), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await lines.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
                {
                    throw StorageFailureTranslator.Translate(exception, what);
                }

                if (!more)
                {
                    break;
                }

                var line = lines.Current;
                StreamedRecord record;
                try
                {
                    // An empty line holds no record: like a record outside the window, a checkpoint still moves past it.
                    var streamed = line.Bytes.IsEmpty ? null : StreamingRecordParser.Parse(line.Bytes, query.Table, blob.Name);
                    if (streamed is not null && InWindow(streamed, query))
                    {
                        record = new StreamedRecord(blob.Name, line.EndOffset, streamed, null);
                    }
                    else if (query.ReportSkipped)
                    {
                        record = new StreamedRecord(blob.Name, line.EndOffset, null, null);
                    }
                    else
                    {
                        continue;
                    }
                }
                catch (MdeSiemException notARecord)
                {
                    record = new StreamedRecord(blob.Name, line.EndOffset, null, notARecord);
                }

                yield return record;
            }
        }
        finally
        {
            await lines.DisposeAsync().ConfigureAwait(false);
            content.Dispose();
        }
    }

    private static async Task<Stream> OpenAsync(BlobClient blob, long start, long length, string what, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobDownloadOptions { Range = new HttpRange(start, length) };
            var response = await blob.DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false);
            return response.Value.Content;
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            throw StorageFailureTranslator.Translate(exception, what);
        }
    }

    private static bool InWindow(StreamingEvent streamed, StreamEventQuery query)
    {
        if (streamed.ReceivedTimeUtc is not { } time)
        {
            return true;
        }

        return (query.SinceUtc is not { } since || time >= since) && (query.UntilUtc is not { } until || time < until);
    }

    private static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
