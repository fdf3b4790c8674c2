using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>
/// The window a checkpointed Get-MdeAlert / Get-MdeIncident run reads: every record whose lastUpdateTime is in
/// [from, until) once, oldest change first, paged by time against the simulated tenant. Expected alerts and incidents
/// come from the generator's SIEM records (MdeExpectations), never from the simulator's Defender API code.
/// </summary>
public sealed class MdeWindowPagingTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;
    private readonly StartingClock _clock = MdeIncidentClockTests.FixedClock();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        // A fixed start: the incidents (six-hour blocks) in a window do not depend on the hour the test runs at.
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 43, Clock = _clock });
        _connection = await GraphTenantConnection.ConnectAsync(_tenant);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _tenant.DisposeAsync();
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private List<ExpectedMdeAlert> ExpectedAlertsIn(DateTime fromUtc, DateTime untilUtc) =>
        MdeExpectations.AlertsOf(_tenant.Batches).Where(alert => alert.LastUpdateTime >= fromUtc && alert.LastUpdateTime < untilUtc).ToList();

    private IEnumerable<string> PageQueries() =>
        _tenant.Requests.Where(request => request.Path == "/mde/api/alerts").Select(request => Uri.UnescapeDataString(request.QueryString));

    [Fact]
    public async Task A_window_delivers_each_alert_updated_in_it_once_oldest_change_first()
    {
        var until = Now;
        var from = until.AddHours(-3);
        var expected = ExpectedAlertsIn(from, until);

        var alerts = await ListAsync(new MdeAlertClient(_connection).GetAlertsUpdatedInWindowAsync(new MdeAlertQuery { Top = 20 }, from, until));

        Assert.True(expected.Count > 60);
        Assert.Equal(expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), alerts.Select(alert => alert.Id!).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(alerts.Select(alert => alert.LastUpdateTime).OrderBy(time => time), alerts.Select(alert => alert.LastUpdateTime));
        Assert.All(PageQueries(), query =>
        {
            Assert.Contains("$orderby=lastUpdateTime asc", query, StringComparison.Ordinal);
            Assert.Contains("lastUpdateTime lt " + until.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), query, StringComparison.Ordinal);
            Assert.Contains("$top=20", query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_alert_updated_mid_pull_leaves_the_window_without_another_one_being_skipped()
    {
        // Offset paging would lose one: the updated alert leaves the window, every later alert moves up one place.
        var until = Now;
        var from = until.AddHours(-6);
        var expected = ExpectedAlertsIn(from, until);
        var client = new MdeAlertClient(_connection);
        var delivered = new List<string>();

        await foreach (var alert in client.GetAlertsUpdatedInWindowAsync(new MdeAlertQuery { Top = 25 }, from, until))
        {
            delivered.Add(alert.Id!);
            if (delivered.Count == 30)
            {
                foreach (var id in delivered.Take(5))
                {
                    await client.UpdateAlertAsync(id, new MdeAlertUpdate { Status = MdeAlertStatus.InProgress });
                }
            }
        }

        Assert.True(expected.Count > 100);
        Assert.Equal(delivered.Count, delivered.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), delivered.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Alerts_sharing_one_time_over_several_full_pages_are_all_delivered_once()
    {
        var from = Now.AddMinutes(-20);
        var late = _tenant.AddLateAlerts(60, TimeSpan.Zero);
        var until = Now.AddSeconds(1);
        var expected = ExpectedAlertsIn(from, until);
        var tied = late.GetRecords().Select(record => record.AlertId).Distinct(StringComparer.Ordinal).Count();

        var alerts = await ListAsync(new MdeAlertClient(_connection).GetAlertsUpdatedInWindowAsync(new MdeAlertQuery { Top = 5 }, from, until));

        Assert.True(tied > 15, $"only {tied} alerts share the time");
        Assert.Equal(expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), alerts.Select(alert => alert.Id!).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Contains(PageQueries(), query => query.Contains("$skip=10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incidents_window_delivers_each_incident_updated_in_it_once_with_its_alerts()
    {
        var until = Now;
        var from = until.AddHours(-4);
        var all = MdeExpectations.AlertsOf(_tenant.Batches);
        var expected = MdeExpectations.IncidentsOf(all)
            .Where(ids => all.Where(alert => ids.Contains(alert.Id)).Max(alert => alert.LastUpdateTime) is var updated && updated >= from && updated < until)
            .Select(ids => string.Join(",", ids.OrderBy(id => id, StringComparer.Ordinal)))
            .OrderBy(key => key, StringComparer.Ordinal)
            .ToList();

        var incidents = await ListAsync(new MdeIncidentClient(_connection).GetIncidentsUpdatedInWindowAsync(new MdeIncidentQuery { Top = 10 }, from, until));

        Assert.True(expected.Count > 20);
        Assert.Equal(incidents.Count, incidents.Select(incident => incident.IncidentId).Distinct().Count());
        Assert.Equal(
            expected,
            incidents.Select(incident => string.Join(",", incident.Alerts.Select(alert => alert.AlertId!).OrderBy(id => id, StringComparer.Ordinal))).OrderBy(key => key, StringComparer.Ordinal));
        Assert.Contains(_tenant.Requests, request => request.Path == "/mde/api/incidents" && Uri.UnescapeDataString(request.QueryString).Contains("$orderby=lastUpdateTime asc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_not_in_time_order_fails_the_pull_instead_of_skipping_records()
    {
        // The service answers newest first whatever $orderby says (see OrderByHandling).
        await using var unordered = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 43, OrderBy = OrderByHandling.IgnoredNewestFirst });
        using var connection = await GraphTenantConnection.ConnectAsync(unordered);
        var until = DateTime.UtcNow;

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(new MdeAlertClient(connection).GetAlertsUpdatedInWindowAsync(new MdeAlertQuery { Top = 10 }, until.AddHours(-8), until)));

        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }
}
