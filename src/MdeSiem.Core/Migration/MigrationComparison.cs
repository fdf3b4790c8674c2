using System;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Http;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Migration;

/// <summary>Pulls one window from the SIEM API, Graph alerts_v2 and optionally the Defender alerts API, and compares them.</summary>
public static class MigrationComparison
{
    /// <summary>Reads the APIs one after the other (each phase is named in the request log) and compares.</summary>
    public static async Task<MigrationReport> RunAsync(MdeSiemConnection connection, MigrationWindow window, CancellationToken cancellationToken)
    {
        if (connection is null || window is null)
        {
            throw new ArgumentNullException(connection is null ? nameof(connection) : nameof(window));
        }

        var comparer = new MigrationComparer(window);

        RequestLog.Write("Reading the SIEM API");
        var siemQuery = new SiemAlertQuery
        {
            SinceTimeUtc = window.SinceTimeUtc,
            UntilTimeUtc = window.UntilTimeUtc,
            DeviceCreatedMachineTag = window.DeviceCreatedMachineTag,
            CloudCreatedMachineTag = window.CloudCreatedMachineTag,
        };
        foreach (var group in window.MachineGroups)
        {
            siemQuery.MachineGroups.Add(group);
        }

        await foreach (var record in new SiemAlertClient(connection).GetAlertsAsync(siemQuery, null, null, cancellationToken).ConfigureAwait(false))
        {
            comparer.AddSiemRecord(record);
        }

        RequestLog.Write("Reading Graph alerts_v2");
        var graphQuery = new GraphAlertQuery { CreatedAfter = window.SinceTimeUtc, CreatedBefore = window.UntilTimeUtc, All = true };
        await foreach (var alert in new GraphAlertClient(connection).GetAlertsAsync(graphQuery, cancellationToken).ConfigureAwait(false))
        {
            comparer.AddGraphAlert(alert);
        }

        if (window.IncludeMdeApi)
        {
            RequestLog.Write("Reading the Defender for Endpoint alerts API");
            comparer.MdeApiRead();
            var mdeQuery = new MdeAlertQuery { CreatedAfter = window.SinceTimeUtc, CreatedBefore = window.UntilTimeUtc, All = true };
            await foreach (var alert in new MdeAlertClient(connection).GetAlertsAsync(mdeQuery, cancellationToken).ConfigureAwait(false))
            {
                comparer.AddMdeApiAlert(alert);
            }
        }

        return comparer.Complete(DateTime.UtcNow);
    }
}
