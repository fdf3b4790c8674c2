using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>
/// Incidents are the alerts of one device in one six-hour block of UTC time, so what they hold depends on the hour
/// the records end at. These run the simulator's clock at hours on both sides of the block boundaries; every other
/// test that groups by time starts the simulator at a fixed instant.
/// </summary>
public sealed class MdeIncidentClockTests
{
    /// <summary>A fixed instant for the Defender API tests that need no particular hour.</summary>
    internal static StartingClock FixedClock() => new(new DateTimeOffset(2026, 6, 1, 9, 30, 0, TimeSpan.Zero));

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Theory]
    [InlineData("2026-06-01T00:00:00Z")]
    [InlineData("2026-06-01T05:59:00Z")]
    [InlineData("2026-06-01T06:00:00Z")]
    [InlineData("2026-06-01T23:59:00Z")]
    public async Task Incidents_group_by_device_and_six_hour_block_and_filter_on_created_time_at_any_hour(string now)
    {
        var clock = new StartingClock(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 1500, Seed = 43, Clock = clock });
        using var connection = await GraphTenantConnection.ConnectAsync(tenant);
        var expectedAlerts = MdeExpectations.AlertsOf(tenant.Batches);
        var expected = MdeExpectations.IncidentsOf(expectedAlerts);
        var client = new MdeIncidentClient(connection);

        var incidents = await ListAsync(client.GetIncidentsAsync(new MdeIncidentQuery { All = true }));

        Assert.Equal(expected.Count, incidents.Count);
        var actual = incidents.Select(incident => new HashSet<string>(incident.Alerts.Select(alert => alert.AlertId!), StringComparer.Ordinal)).ToList();
        Assert.All(expected, group => Assert.Contains(actual, candidate => candidate.SetEquals(group)));
        Assert.All(incidents, incident => Assert.All(incident.Alerts, alert => Assert.Equal(incident.IncidentId, alert.IncidentId)));
        Assert.Equal((expected.Count / 100) + 1, tenant.Requests.Count(request => request.Path == "/mde/api/incidents"));

        // An incident is created with its first alert; the median creation time leaves half of them after it at any hour.
        var created = expectedAlerts.GroupBy(alert => (alert.MachineId, alert.IncidentBlock))
            .Select(group => group.Min(alert => alert.AlertCreationTime))
            .Order()
            .ToList();
        var since = created[created.Count / 2];
        var wanted = created.Count(time => time >= since);

        var filtered = await ListAsync(client.GetIncidentsAsync(new MdeIncidentQuery { All = true, Top = 40, CreatedAfter = since }));

        Assert.True(wanted > 10, $"only {wanted} incidents start at or after {since:o}");
        Assert.Equal(wanted, filtered.Count);
        Assert.All(filtered, incident => Assert.True(incident.CreatedTime >= since));
    }
}
