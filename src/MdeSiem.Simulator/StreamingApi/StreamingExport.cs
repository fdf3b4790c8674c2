using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;

namespace MdeSiem.Simulator.StreamingApi;

/// <summary>The program's --stream-export: the tenant's detections written as the Streaming API's storage export.</summary>
public static class StreamingExport
{
    public static readonly string[] Tables =
    {
        StreamingExportComposer.AlertInfo, StreamingExportComposer.AlertEvidence, StreamingExportComposer.DeviceEvents,
    };

    /// <summary>Appends every generated record of the first batch to each table's hourly blobs.</summary>
    public static async Task WriteAllAsync(SimulatedTenant tenant, string connectionString, CancellationToken cancellationToken = default)
    {
        var writer = new StreamingExportWriter(new BlobServiceClient(connectionString), tenant.TenantId);
        var composer = new StreamingExportComposer(tenant.TenantId);
        foreach (var table in Tables)
        {
            await writer.AppendAsync(composer.Compose(table, tenant.Generator.GetRecords()), cancellationToken);
        }
    }
}
