using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using MdeSiem.Tests.Simulator;
using Xunit;

namespace MdeSiem.Tests.Incidents;

/// <summary>
/// Incident updates through Graph (PATCH /security/incidents/{id}, POST .../comments) and the Defender XDR incidents
/// API (PATCH /api/incidents/{id}) against the simulated tenant: each change read back through both APIs.
/// </summary>
public sealed class IncidentUpdateTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;
    private List<string> _incidentIds = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 57, Span = TimeSpan.FromHours(12) });
        _connection = await GraphTenantConnection.ConnectAsync(_tenant);
        _incidentIds = new List<string>();
        await foreach (var incident in new GraphIncidentClient(_connection).GetIncidentsAsync(new GraphIncidentQuery { Top = 5 }))
        {
            _incidentIds.Add(incident.Id!);
        }
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _tenant.DisposeAsync();
    }

    private Task<DefenderIncident> GraphIncident(string id) => new GraphIncidentClient(_connection).GetIncidentAsync(id, expandAlerts: false);

    private Task<MdeIncident> XdrIncident(string id) => new MdeIncidentClient(_connection).GetIncidentAsync(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));

    private int Requests(string method, string pathStart) =>
        _tenant.Requests.Count(request => request.Method == method && request.Path.StartsWith(pathStart, StringComparison.Ordinal));

    [Fact]
    public async Task A_Graph_update_reads_back_the_same_through_Graph_and_the_Defender_XDR_API()
    {
        var id = _incidentIds[0];

        var returned = await new GraphIncidentUpdater(_connection).UpdateIncidentAsync(id, new GraphIncidentUpdate
        {
            Status = IncidentStatus.Resolved,
            Classification = AlertClassification.TruePositive,
            Determination = AlertDetermination.Malware,
            AssignedTo = "analyst@contoso.com",
            Tags = new IncidentTagChange { Replace = new[] { "Ransomware", "Escalated" } },
            Comment = "Contained and closed.",
        });
        var reread = await GraphIncident(id);
        var xdr = await XdrIncident(id);

        foreach (var incident in new[] { returned, reread })
        {
            Assert.Equal(IncidentStatus.Resolved, incident.Status);
            Assert.Equal(AlertClassification.TruePositive, incident.Classification);
            Assert.Equal(AlertDetermination.Malware, incident.Determination);
            Assert.Equal("analyst@contoso.com", incident.AssignedTo);
            Assert.Equal(new[] { "Ransomware", "Escalated" }, incident.CustomTags);
            Assert.Equal("Contained and closed.", Assert.Single(incident.Comments).Comment);
        }

        Assert.Equal(MdeIncidentStatus.Resolved, xdr.Status);
        Assert.Equal("TruePositive", xdr.Classification);
        Assert.Equal("Malware", xdr.Determination);
        Assert.Equal("analyst@contoso.com", xdr.AssignedTo);
        Assert.Equal(new[] { "Ransomware", "Escalated" }, xdr.Tags);
        Assert.Equal("Contained and closed.", Assert.Single(xdr.Comments).Comment);
        Assert.Equal(1, Requests("PATCH", "/v1.0/security/incidents/"));
        Assert.Equal(1, Requests("POST", "/v1.0/security/incidents/"));
    }

    [Fact]
    public async Task Tags_added_and_removed_keep_the_others()
    {
        var id = _incidentIds[1];
        var updater = new GraphIncidentUpdater(_connection);
        await updater.UpdateIncidentAsync(id, new GraphIncidentUpdate { Tags = new IncidentTagChange { Replace = new[] { "A", "B" } } });

        var updated = await updater.UpdateIncidentAsync(id, new GraphIncidentUpdate { Tags = new IncidentTagChange { Add = new[] { "C", "b" }, Remove = new[] { "a" } } });

        Assert.Equal(new[] { "B", "C" }, updated.CustomTags);
        Assert.Equal(new[] { "B", "C" }, (await XdrIncident(id)).Tags);
    }

    [Fact]
    public async Task A_Defender_XDR_update_reads_back_the_same_through_both_APIs()
    {
        var id = _incidentIds[2];

        var returned = await new MdeIncidentUpdater(_connection).UpdateIncidentAsync(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), new MdeIncidentUpdate
        {
            Status = MdeIncidentStatus.InProgress,
            AssignedTo = "tier2@contoso.com",
            Classification = MdeAlertClassification.FalsePositive,
            Determination = MdeIncidentDetermination.Clean,
            Tags = new IncidentTagChange { Replace = new[] { "Benign" } },
            Comment = "Admin script, expected.",
        });
        var reread = await XdrIncident(id);
        var graph = await GraphIncident(id);

        foreach (var incident in new[] { returned, reread })
        {
            Assert.Equal(MdeIncidentStatus.InProgress, incident.Status);
            Assert.Equal("tier2@contoso.com", incident.AssignedTo);
            Assert.Equal("FalsePositive", incident.Classification);
            Assert.Equal("Clean", incident.Determination);
            Assert.Equal(new[] { "Benign" }, incident.Tags);
            Assert.Equal("Admin script, expected.", Assert.Single(incident.Comments).Comment);
        }

        Assert.Equal(IncidentStatus.InProgress, graph.Status);
        Assert.Equal(AlertClassification.FalsePositive, graph.Classification);
        Assert.Equal(AlertDetermination.NotMalicious, graph.Determination);
        Assert.Equal("tier2@contoso.com", graph.AssignedTo);
        Assert.Equal(new[] { "Benign" }, graph.CustomTags);
        Assert.Equal("Admin script, expected.", Assert.Single(graph.Comments).Comment);
        Assert.Equal(1, Requests("PATCH", "/mde/api/incidents/"));
    }

    [Fact]
    public async Task A_determination_that_does_not_belong_to_the_classification_is_BadRequest()
    {
        var id = long.Parse(_incidentIds[3], System.Globalization.CultureInfo.InvariantCulture);

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => new MdeIncidentUpdater(_connection).UpdateIncidentAsync(id, new MdeIncidentUpdate
        {
            Classification = MdeAlertClassification.TruePositive,
            Determination = MdeIncidentDetermination.Clean,
        }));

        Assert.Equal(ErrorCode.BadRequest, failure.Code);
        Assert.Contains("determination", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_incident_is_NotFound_through_both_APIs()
    {
        var graph = await Assert.ThrowsAsync<MdeSiemException>(() => new GraphIncidentUpdater(_connection).UpdateIncidentAsync("999999999", new GraphIncidentUpdate { Status = IncidentStatus.Resolved }));
        var xdr = await Assert.ThrowsAsync<MdeSiemException>(() => new MdeIncidentUpdater(_connection).UpdateIncidentAsync(999999999, new MdeIncidentUpdate { Status = MdeIncidentStatus.Resolved }));

        Assert.Equal(ErrorCode.NotFound, graph.Code);
        Assert.Equal(ErrorCode.NotFound, xdr.Code);
    }

    [Theory]
    [InlineData("{\"status\":\"closed\"}")]
    [InlineData("{\"classification\":\"maybe\"}")]
    [InlineData("{\"severity\":\"high\"}")]
    [InlineData("{\"displayName\":\"renamed\"}")]
    [InlineData("{\"noSuchProperty\":\"x\"}")]
    [InlineData("{\"customTags\":\"not a list\"}")]
    public async Task The_simulated_Graph_refuses_unknown_members_and_read_only_properties(string body)
    {
        var before = (await GraphIncident(_incidentIds[4])).StatusValue;
        using var client = new SimulatorClient(_tenant);
        using var request = new HttpRequestMessage(new HttpMethod("PATCH"), "v1.0/security/incidents/" + _incidentIds[4])
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await client.GetTokenAsync("https://graph.microsoft.com"));

        using var response = await client.Http.SendAsync(request);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, (await GraphIncident(_incidentIds[4])).StatusValue);
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_update_names_both_a_tag_list_and_tags_to_add()
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => new GraphIncidentUpdater(_connection).UpdateIncidentAsync(_incidentIds[0], new GraphIncidentUpdate
        {
            Tags = new IncidentTagChange { Replace = new[] { "A" }, Add = new[] { "B" } },
        }));

        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
        Assert.Equal(0, Requests("PATCH", "/v1.0/security/incidents/"));
        Assert.Equal(0, Requests("GET", "/v1.0/security/incidents/"));
    }
}
