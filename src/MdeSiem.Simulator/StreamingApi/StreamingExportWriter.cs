using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace MdeSiem.Simulator.StreamingApi;

/// <summary>
/// Writes export lines into a storage account (Azurite in the tests) the way the Streaming API does: the container
/// insights-logs-advancedhunting-&lt;table&gt;, one append blob per tenant and hour named
/// tenantId=&lt;tenant&gt;/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json, lines appended as the hour goes on. Each call appends
/// (never rewrites), so a test can write part of an hour, read it, append more and read again.
/// </summary>
public sealed class StreamingExportWriter
{
    // Append Block takes at most 4 MiB per call on every service version.
    private const int MaximumBlockBytes = 4 * 1024 * 1024;

    private readonly BlobServiceClient service;
    private readonly string tenantId;

    public StreamingExportWriter(BlobServiceClient service, string tenantId)
    {
        this.service = service;
        this.tenantId = tenantId;
    }

    /// <summary>The line break after each record (CRLF, as blobs of the real export have been seen to use).</summary>
    public string LineBreak { get; init; } = "\r\n";

    public static string ContainerName(string table) => "insights-logs-advancedhunting-" + table.ToLowerInvariant();

    public string BlobName(DateTime timeUtc) =>
        $"tenantId={tenantId}/y={timeUtc:yyyy}/m={timeUtc:MM}/d={timeUtc:dd}/h={timeUtc:HH}/m=00/PT1H.json";

    /// <summary>Appends each line to its table's blob for its hour, in order; creates containers and blobs as needed.</summary>
    /// <returns>The number of append operations made.</returns>
    public async Task<int> AppendAsync(IEnumerable<StreamingExportLine> lines, CancellationToken cancellationToken = default)
    {
        var appends = 0;
        foreach (var group in lines.GroupBy(line => (line.Table, Blob: BlobName(line.TimeUtc))))
        {
            var container = service.GetBlobContainerClient(ContainerName(group.Key.Table));
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var blob = container.GetAppendBlobClient(group.Key.Blob);
            await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var pending = new StringBuilder();
            foreach (var line in group)
            {
                if (pending.Length > 0 && Encoding.UTF8.GetByteCount(pending.ToString()) + Encoding.UTF8.GetByteCount(line.Json) + LineBreak.Length > MaximumBlockBytes)
                {
                    await AppendBlockAsync(blob, pending.ToString(), cancellationToken);
                    appends++;
                    pending.Clear();
                }

                pending.Append(line.Json).Append(LineBreak);
            }

            if (pending.Length > 0)
            {
                await AppendBlockAsync(blob, pending.ToString(), cancellationToken);
                appends++;
            }
        }

        return appends;
    }

    /// <summary>Appends raw text (a half-written line, a broken record) to a blob, for tests of such cases.</summary>
    public async Task AppendRawAsync(string table, DateTime hourUtc, string text, CancellationToken cancellationToken = default)
    {
        var container = service.GetBlobContainerClient(ContainerName(table));
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetAppendBlobClient(BlobName(hourUtc));
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await AppendBlockAsync(blob, text, cancellationToken);
    }

    private static async Task AppendBlockAsync(AppendBlobClient blob, string text, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
    }
}
