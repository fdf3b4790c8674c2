using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>The core Graph alert client against the simulated tenant; each test has its own tenant (faults, updates).</summary>
public sealed class GraphAlertClientTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;
    private GraphAlertClient _client = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 3000, Seed = 23, Span = TimeSpan.FromHours(12) });
        _connection = await GraphTenantConnection.ConnectAsync(_tenant);
        _client = new GraphAlertClient(_connection);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _tenant.DisposeAsync();
    }

    private static async Task<List<DefenderAlert>> ListAsync(IAsyncEnumerable<DefenderAlert> alerts)
    {
        var list = new List<DefenderAlert>();
        await foreach (var alert in alerts)
        {
            list.Add(alert);
        }

        return list;
    }

    private int GraphRequests(string method = "GET") =>
        _tenant.Requests.Count(request => request.Method == method && request.Path.StartsWith("/v1.0/security/alerts_v2", StringComparison.Ordinal));

    /// <summary>
    /// The simulator logs a request when its response has completed, which can be just after the client has read
    /// the last byte: wait (bounded) for the log to catch up before counting.
    /// </summary>
    private async Task<int> LoggedGraphRequests(int atLeast)
    {
        for (var attempt = 0; attempt < 100 && GraphRequests() < atLeast; attempt++)
        {
            await Task.Delay(50);
        }

        return GraphRequests();
    }

    [Fact]
    public async Task All_pages_of_a_filtered_pull_match_the_generator()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Where(alert => alert.Severity is "high" or "medium").ToList();
        var query = new GraphAlertQuery { All = true, Top = 100 };
        query.Severities.AddRange(new[] { AlertSeverity.High, AlertSeverity.Medium });

        var alerts = await ListAsync(_client.GetAlertsAsync(query));

        Assert.True(expected.Count > 300, "the seed should give several pages");
        Assert.Equal(expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), alerts.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.True(await LoggedGraphRequests(atLeast: expected.Count / 100) >= expected.Count / 100, "pages of 100 were requested");
        var sample = alerts[expected.Count / 2];
        var truth = expected.Single(alert => alert.Id == sample.Id);
        Assert.Equal(truth.Title, sample.Title);
        Assert.Equal(truth.CreatedDateTime, sample.CreatedDateTime);
        Assert.Equal(truth.LastActivityDateTime, sample.LastActivityDateTime);
        Assert.Equal(truth.DeviceDnsName, sample.Evidence.OfType<DeviceEvidence>().Single().DeviceDnsName);
    }

    [Fact]
    public async Task First_follows_next_links_in_the_requested_order()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches)
            .OrderByDescending(alert => alert.CreatedDateTime).ThenBy(alert => alert.Id, StringComparer.Ordinal)
            .Take(250).Select(alert => alert.Id).ToList();

        var alerts = await ListAsync(_client.GetAlertsAsync(new GraphAlertQuery { First = 250, Top = 100, OrderBy = "createdDateTime desc" }));

        Assert.Equal(expected, alerts.Select(alert => alert.Id));
        Assert.Equal(3, await LoggedGraphRequests(atLeast: 3));
        Assert.Contains(_tenant.Requests, request => request.QueryString.Contains("%24skiptoken=200", StringComparison.OrdinalIgnoreCase) || request.QueryString.Contains("$skiptoken=200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DetectionSource_and_time_window_filters_match_the_generator()
    {
        var all = GraphExpectations.AlertsOf(_tenant.Batches);
        var from = all.Min(alert => alert.CreatedDateTime).AddHours(3);
        var until = from.AddHours(4);
        var expected = all.Where(alert => alert.DetectionSource == "antivirus" && alert.CreatedDateTime >= from && alert.CreatedDateTime < until)
            .Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var query = new GraphAlertQuery { All = true, CreatedAfter = from, CreatedBefore = until };
        query.DetectionSources.Add(DetectionSource.Antivirus);

        var alerts = await ListAsync(_client.GetAlertsAsync(query));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, alerts.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Time_boundary_paging_has_no_gap_and_no_duplicate_while_alerts_arrive()
    {
        var query = new GraphAlertQuery { All = true, Top = 200 };
        var seen = new List<string>();
        SiemAlertGenerator? late = null;
        DateTime cursorWhenAdded = default;
        await foreach (var alert in _client.GetAlertsAsync(query))
        {
            seen.Add(alert.Id!);
            if (seen.Count == 450)
            {
                cursorWhenAdded = alert.CreatedDateTime!.Value;
                late = _tenant.AddLateAlerts(60, TimeSpan.FromMinutes(1));
            }
        }

        var lateAlerts = GraphExpectations.AlertsOf(new[] { late! });
        Assert.All(lateAlerts, alert => Assert.True(alert.CreatedDateTime > cursorWhenAdded, "the new alerts lie ahead of the pull"));
        var expected = GraphExpectations.AlertsOf(new[] { _tenant.Generator }).Concat(lateAlerts).Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected, seen.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Offset_paging_repeats_alerts_when_new_ones_arrive_which_is_why_All_pages_by_time()
    {
        // The hazard the time-boundary pull avoids, shown on the same simulator: newest-first offset pages shift.
        var query = new GraphAlertQuery { All = true, Top = 200, OrderBy = "createdDateTime desc" };
        var seen = new List<string>();
        await foreach (var alert in _client.GetAlertsAsync(query))
        {
            seen.Add(alert.Id!);
            if (seen.Count == 450)
            {
                _tenant.AddLateAlerts(60, TimeSpan.FromMinutes(1));
            }
        }

        Assert.NotEqual(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_429_storm_is_ridden_out()
    {
        for (var i = 0; i < 4; i++)
        {
            _tenant.EnqueueFault(SimulatedFault.Status(i % 2 == 0 ? 429 : 503, retryAfterSeconds: 0, target: FaultTarget.GraphApi));
        }

        var alerts = await ListAsync(_client.GetAlertsAsync(new GraphAlertQuery { First = 10 }));

        Assert.Equal(10, alerts.Count);
        Assert.Equal(
            new[] { 429, 503, 429, 503, 200 },
            _tenant.Requests.Where(request => request.Path.StartsWith("/v1.0/", StringComparison.Ordinal)).Select(request => request.StatusCode));
    }

    [Fact]
    public async Task Throttling_past_the_retries_is_a_Throttled_error()
    {
        for (var i = 0; i < 6; i++)
        {
            _tenant.EnqueueFault(SimulatedFault.Status(429, retryAfterSeconds: 0, target: FaultTarget.GraphApi));
        }

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(_client.GetAlertsAsync(new GraphAlertQuery { First = 1 })));
        Assert.Equal(ErrorCode.Throttled, failure.Code);
    }

    [Fact]
    public async Task A_403_names_the_missing_permission()
    {
        using var unmanaged = await GraphTenantConnection.ConnectAsync(_tenant, unmanaged: true);

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(new GraphAlertClient(unmanaged).GetAlertsAsync(new GraphAlertQuery { First = 1 })));

        Assert.Equal(ErrorCode.PermissionDenied, failure.Code);
        Assert.Equal(GraphPermission.AlertRead, failure.RequiredPermission);
        Assert.Contains(GraphPermission.AlertRead, failure.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_on_a_property_the_service_cannot_filter_is_a_BadRequest()
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(_client.GetAlertsAsync(new GraphAlertQuery { Filter = "detectionSource eq 'antivirus'" })));

        Assert.Equal(ErrorCode.BadRequest, failure.Code);
        Assert.Contains("Invalid filter clause", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_round_trips_and_the_comment_is_kept()
    {
        var id = GraphExpectations.AlertsOf(_tenant.Batches)[7].Id;

        var returned = await _client.UpdateAlertAsync(id, new GraphAlertUpdate
        {
            Status = AlertStatus.Resolved,
            Classification = AlertClassification.TruePositive,
            Determination = AlertDetermination.Malware,
            AssignedTo = "analyst@contoso.com",
            Comment = "Contained.",
        });
        var reread = await _client.GetAlertAsync(id);

        foreach (var alert in new[] { returned, reread })
        {
            Assert.Equal(AlertStatus.Resolved, alert.Status);
            Assert.Equal(AlertClassification.TruePositive, alert.Classification);
            Assert.Equal(AlertDetermination.Malware, alert.Determination);
            Assert.Equal("analyst@contoso.com", alert.AssignedTo);
            Assert.Equal("Contained.", Assert.Single(alert.Comments).Comment);
            Assert.NotNull(alert.ResolvedDateTime);
        }

        Assert.Equal(1, GraphRequests("PATCH"));
        Assert.Equal(1, GraphRequests("POST"));
    }

    [Fact]
    public async Task Requests_carry_a_token_for_the_Graph_audience()
    {
        // The simulator accepts only Graph-audience tokens on these routes; a 200 proves the audience.
        var alerts = await ListAsync(_client.GetAlertsAsync(new GraphAlertQuery { Top = 5 }));

        Assert.Equal(5, alerts.Count);
        Assert.All(_tenant.Requests.Where(request => request.Path.StartsWith("/v1.0/", StringComparison.Ordinal)), request => Assert.Equal(200, request.StatusCode));
    }
}
