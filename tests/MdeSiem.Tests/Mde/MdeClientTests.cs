using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>The core Defender alerts and incidents clients against the simulated tenant; expected values from its generator.</summary>
public sealed class MdeClientTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;
    private List<ExpectedMdeAlert> _expected = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 4000, Seed = 31, Span = TimeSpan.FromHours(24), Clock = MdeIncidentClockTests.FixedClock() });
        _connection = await GraphTenantConnection.ConnectAsync(_tenant);
        _expected = MdeExpectations.AlertsOf(_tenant.Batches);
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

    private int Requests(string path) => _tenant.Requests.Count(request => request.Path == path);

    [Fact]
    public async Task All_pages_by_skip_and_every_alert_agrees_with_the_generator()
    {
        var alerts = await ListAsync(new MdeAlertClient(_connection).GetAlertsAsync(new MdeAlertQuery { All = true, Top = 250 }));

        Assert.True(_expected.Count > 2000);
        Assert.Equal(_expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), alerts.Select(alert => alert.Id!).OrderBy(id => id, StringComparer.Ordinal));
        var byId = alerts.ToDictionary(alert => alert.Id!, StringComparer.Ordinal);
        foreach (var expected in _expected)
        {
            var alert = byId[expected.Id];
            Assert.Equal(expected.Title, alert.Title);
            Assert.Equal(expected.Severity, alert.SeverityValue);
            Assert.Equal(expected.DetectionSource, alert.DetectionSource);
            Assert.Equal(expected.Category, alert.Category);
            Assert.Equal(expected.AlertCreationTime, alert.AlertCreationTime);
            Assert.Equal(expected.LastUpdateTime, alert.LastUpdateTime);
            Assert.Equal(expected.MachineId, alert.MachineId);
            Assert.Equal(expected.ComputerDnsName, alert.ComputerDnsName);
            Assert.Equal(expected.RbacGroupName, alert.RbacGroupName);
            Assert.Equal(expected.ThreatFamilyName, alert.ThreatFamilyName);
            Assert.Equal(MdeAlertStatus.New, alert.Status);
            Assert.Equal(_tenant.TenantId, alert.AadTenantId);
            Assert.Empty(alert.Evidence);
        }

        // Newest first, and the pull ends at the first short page.
        Assert.Equal(alerts.OrderByDescending(alert => alert.AlertCreationTime).ThenBy(alert => alert.Id, StringComparer.Ordinal).Select(alert => alert.Id), alerts.Select(alert => alert.Id));
        Assert.Equal((_expected.Count / 250) + 1, Requests("/mde/api/alerts"));
        Assert.All(_tenant.Requests.Where(request => request.Path == "/mde/api/alerts"), request => Assert.Contains("$top=250", request.QueryString, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Friendly_filters_select_what_the_generator_says()
    {
        var middle = _expected.OrderBy(alert => alert.AlertCreationTime).ElementAt(_expected.Count / 2).AlertCreationTime;
        var query = new MdeAlertQuery { All = true, Top = 100, CreatedAfter = middle };
        query.Severities.Add(MdeAlertSeverity.High);
        query.Severities.Add(MdeAlertSeverity.Medium);
        query.DetectionSources.Add("WindowsDefenderAv");

        var alerts = await ListAsync(new MdeAlertClient(_connection).GetAlertsAsync(query));

        var expected = _expected.Where(alert => alert.AlertCreationTime >= middle && alert.Severity is "High" or "Medium" && alert.DetectionSource == "WindowsDefenderAv").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), alerts.Select(alert => alert.Id!).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_raw_incident_filter_returns_the_alerts_of_one_device_and_six_hour_block()
    {
        var client = new MdeAlertClient(_connection);
        var sample = _expected.GroupBy(alert => (alert.MachineId, alert.IncidentBlock)).First(group => group.Count() > 1).First();
        var incidentId = (await client.GetAlertAsync(sample.Id)).IncidentId!.Value;

        var alerts = await ListAsync(client.GetAlertsAsync(new MdeAlertQuery { Filter = $"incidentId eq {incidentId}" }));

        var expected = _expected.Where(alert => alert.MachineId == sample.MachineId && alert.IncidentBlock == sample.IncidentBlock).Select(alert => alert.Id);
        Assert.Equal(expected.OrderBy(id => id, StringComparer.Ordinal), alerts.Select(alert => alert.Id!).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_property_the_service_does_not_filter_is_refused_with_its_message()
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(new MdeAlertClient(_connection).GetAlertsAsync(new MdeAlertQuery { Filter = "title eq 'x'" })));

        Assert.Equal(ErrorCode.BadRequest, failure.Code);
        Assert.Contains("The property 'title' cannot be used in the $filter query option.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_is_built_from_the_detection_fields_of_every_part()
    {
        var client = new MdeAlertClient(_connection);
        foreach (var expected in _expected.Where(alert => alert.Parts.Count > 1).Take(20))
        {
            var alert = await client.GetAlertAsync(expected.Id, includeEvidence: true);

            Assert.True(Set(expected.Parts.Select(part => part.IpAddress)).SetEquals(Set(alert.Evidence.Where(e => e.EntityType == "Ip").Select(e => e.IpAddress))));
            Assert.True(Set(expected.Parts.Select(part => part.Url)).SetEquals(Set(alert.Evidence.Where(e => e.EntityType == "Url").Select(e => e.Url))));
            Assert.True(Set(expected.Parts.Select(part => part.CommandLine)).SetEquals(Set(alert.Evidence.Where(e => e.EntityType == "Process").Select(e => e.ProcessCommandLine))));
            Assert.True(Set(expected.Parts.Select(part => part.Sha1)).IsSubsetOf(Set(alert.Evidence.Select(e => e.Sha1))));
            Assert.All(alert.Evidence, evidence => Assert.Equal(expected.AlertCreationTime, evidence.EvidenceCreationTime));
        }
    }

    [Fact]
    public async Task An_update_round_trips_and_shows_in_Graph_too()
    {
        var client = new MdeAlertClient(_connection);
        var id = _expected[7].Id;

        var updated = await client.UpdateAlertAsync(id, new MdeAlertUpdate
        {
            Status = MdeAlertStatus.Resolved,
            Classification = MdeAlertClassification.TruePositive,
            Determination = MdeAlertDetermination.CompromisedUser,
            AssignedTo = "secop@contoso.com",
            Comment = "contained",
        });
        var reread = await client.GetAlertAsync(id);
        var graph = await new GraphAlertClient(_connection).GetAlertAsync(id);

        foreach (var alert in new[] { updated, reread })
        {
            Assert.Equal(MdeAlertStatus.Resolved, alert.Status);
            Assert.Equal(MdeAlertClassification.TruePositive, alert.Classification);
            Assert.Equal(MdeAlertDetermination.CompromisedUser, alert.Determination);
            Assert.Equal("secop@contoso.com", alert.AssignedTo);
            Assert.Equal("contained", Assert.Single(alert.Comments).Comment);
            Assert.NotNull(alert.ResolvedTime);
        }

        Assert.Equal(AlertStatus.Resolved, graph.Status);
        Assert.Equal(AlertClassification.TruePositive, graph.Classification);
        Assert.Equal(AlertDetermination.CompromisedAccount, graph.Determination);
        Assert.Equal("secop@contoso.com", graph.AssignedTo);
        Assert.Equal(1, _tenant.Requests.Count(request => request.Method == "PATCH" && request.Path == "/mde/api/alerts/" + id));
    }

    [Fact]
    public async Task A_forbidden_app_is_told_the_permission_it_lacks()
    {
        using var unmanaged = await GraphTenantConnection.ConnectAsync(_tenant, unmanaged: true);

        var alerts = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(new MdeAlertClient(unmanaged).GetAlertsAsync(new MdeAlertQuery())));
        var incidents = await Assert.ThrowsAsync<MdeSiemException>(() => ListAsync(new MdeIncidentClient(unmanaged).GetIncidentsAsync(new MdeIncidentQuery())));

        Assert.Equal(ErrorCode.PermissionDenied, alerts.Code);
        Assert.Contains("Alert.Read.All", alerts.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.PermissionDenied, incidents.Code);
        Assert.Contains("Incident.Read.All", incidents.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_alerts_API_wants_its_own_audience_and_the_incidents_API_its_own()
    {
        await ListAsync(new MdeAlertClient(_connection).GetAlertsAsync(new MdeAlertQuery { Top = 1 }));
        await ListAsync(new MdeIncidentClient(_connection).GetIncidentsAsync(new MdeIncidentQuery { Top = 1 }));

        var audiences = _connection.Tokens.Select(token => token.Resource).ToList();
        Assert.Contains("https://api.securitycenter.microsoft.com", audiences);
        Assert.Contains("https://api.security.microsoft.com", audiences);
    }

    private static HashSet<string> Set(IEnumerable<string?> values) =>
        new(values.Where(value => !string.IsNullOrEmpty(value)).Select(value => value!), StringComparer.Ordinal);
}
