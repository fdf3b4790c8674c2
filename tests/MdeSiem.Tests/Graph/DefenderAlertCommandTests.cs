using System;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>Get-DefenderAlert, Get-DefenderIncident and Update-DefenderAlert in a hosted engine against the simulator.</summary>
public sealed class DefenderAlertCommandTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 4000, Seed = 31, Span = TimeSpan.FromHours(12) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    private int Requests(string method) =>
        _tenant.Requests.Count(request => request.Method == method && request.Path.StartsWith("/v1.0/security/", StringComparison.Ordinal));

    [Fact]
    public void All_pages_through_thousands_of_alerts_with_a_severity_filter()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Where(alert => alert.Severity == "high").Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        var result = _engine.Run("Get-DefenderAlert -Severity High -All -Top 50 -Verbose");

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.OutputOf<DefenderAlert>().Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Contains(result.Verbose, line => line.Contains("paging by createdDateTime", StringComparison.Ordinal));
    }

    [Fact]
    public void All_alerts_of_thousands_arrive_once_each()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches);

        var result = _engine.Run("Get-DefenderAlert -All");

        var ids = result.OutputOf<DefenderAlert>().Select(alert => alert.Id).ToList();
        Assert.True(expected.Count > 1000);
        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal(expected.Count, ids.Distinct().Count());
    }

    [Fact]
    public void DetectionSource_filters_on_the_client_and_says_so()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Where(alert => alert.DetectionSource == "smartScreen").Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        var result = _engine.Run("Get-DefenderAlert -DetectionSource SmartScreen -All -Verbose");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.OutputOf<DefenderAlert>().Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Contains(result.Verbose, line => line.Contains("filtered on this machine", StringComparison.Ordinal));
        Assert.DoesNotContain(_tenant.Requests, request => request.QueryString.Contains("detectionSource", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ids_flow_from_the_SIEM_API_and_both_APIs_agree()
    {
        var result = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc ([DateTime]::UtcNow.AddDays(-1)) -Limit 3 -WarningAction SilentlyContinue | Get-DefenderAlert");

        Assert.Empty(result.Errors);
        var alerts = result.OutputOf<DefenderAlert>().ToList();
        Assert.Equal(3, alerts.Count);
        var truth = GraphExpectations.AlertsOf(_tenant.Batches).ToDictionary(alert => alert.Id);
        Assert.All(alerts, alert =>
        {
            var expected = truth[alert.Id!];
            Assert.Equal(expected.Title, alert.Title);
            Assert.Equal(expected.Severity, alert.SeverityValue);
            Assert.Equal(expected.CreatedDateTime, alert.CreatedDateTime);
            Assert.Equal(expected.DeviceDnsName, alert.Evidence.OfType<DeviceEvidence>().Single().DeviceDnsName);
        });
    }

    [Fact]
    public void WhatIf_sends_no_PATCH_and_changes_nothing()
    {
        var id = GraphExpectations.AlertsOf(_tenant.Batches)[3].Id;

        var result = _engine.Run("Update-DefenderAlert -Id $id -Status Resolved -Comment 'x' -WhatIf; Get-DefenderAlert -Id $id", ("id", id));

        Assert.Empty(result.Errors);
        Assert.Equal(AlertStatus.New, Assert.Single(result.OutputOf<DefenderAlert>()).Status);
        Assert.Equal(0, Requests("PATCH"));
        Assert.Equal(0, Requests("POST"));
    }

    [Fact]
    public void Update_from_the_pipeline_round_trips()
    {
        var result = _engine.Run(
            "Get-DefenderAlert -Severity Medium -First 2 | Update-DefenderAlert -Status InProgress -Classification TruePositive -Determination Malware -AssignedTo 'soc@contoso.com' -Comment 'Looking' -PassThru -Confirm:$false");

        Assert.Empty(result.Errors);
        var updated = result.OutputOf<DefenderAlert>().ToList();
        Assert.Equal(2, updated.Count);
        Assert.All(updated, alert =>
        {
            Assert.Equal(AlertStatus.InProgress, alert.Status);
            Assert.Equal(AlertDetermination.Malware, alert.Determination);
            Assert.Equal("soc@contoso.com", alert.AssignedTo);
            Assert.Equal("Looking", Assert.Single(alert.Comments).Comment);
        });
        var reread = _engine.Run("Get-DefenderAlert -Status InProgress -All").OutputOf<DefenderAlert>().Select(alert => alert.Id).OrderBy(id => id);
        Assert.Equal(updated.Select(alert => alert.Id).OrderBy(id => id), reread);
        Assert.Equal(2, Requests("PATCH"));
    }

    [Fact]
    public void Update_with_nothing_to_change_is_an_InvalidArgument_error()
    {
        var result = _engine.Run("Update-DefenderAlert -Id x");

        Assert.StartsWith("MdeSiem.InvalidArgument,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_is_a_NotFound_error()
    {
        var result = _engine.Run("Get-DefenderAlert -Id 'da000000000000000000_1'");

        Assert.StartsWith("MdeSiem.NotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_is_PermissionDenied_naming_the_permission_and_no_secret_leaks()
    {
        var engine = new HostedEngine();
        try
        {
            var connect = engine.Run(
                "Connect-MdeSiem -TenantId $t -ClientId $c -ClientSecret $s -EndpointUri $u -SkipCertificateCheck",
                ("s", HostedEngine.ToSecureString(_tenant.UnmanagedClientSecret)), ("t", _tenant.UnmanagedTenantId), ("c", _tenant.UnmanagedClientId), ("u", _tenant.BaseUri));
            Assert.Empty(connect.Errors);

            var result = engine.Run("Get-DefenderIncident -Verbose -Debug");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("MdeSiem.PermissionDenied,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(GraphPermission.IncidentRead, error.ErrorDetails.Message, StringComparison.Ordinal);
            var everything = string.Join("\n", result.Verbose.Concat(new[] { error.ToString(), error.ErrorDetails.Message, error.ErrorDetails.RecommendedAction }));
            Assert.DoesNotContain(_tenant.UnmanagedClientSecret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", everything, StringComparison.Ordinal);
        }
        finally
        {
            engine.Dispose();
        }
    }

    [Fact]
    public void Incidents_group_alerts_and_expand_them_on_request()
    {
        var result = _engine.Run("Get-DefenderIncident -All -ExpandAlerts");

        Assert.Empty(result.Errors);
        var incidents = result.OutputOf<DefenderIncident>().ToList();
        var expected = GraphExpectations.AlertsOf(_tenant.Batches);
        Assert.Equal(expected.Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal), incidents.SelectMany(incident => incident.Alerts).Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(incidents, incident => Assert.All(incident.Alerts, alert => Assert.Equal(incident.Id, alert.IncidentId)));
        Assert.True(_tenant.Requests.Count(request => request.Path == "/v1.0/security/incidents") >= incidents.Count / 50);
    }

    [Fact]
    public void Top_above_the_incident_maximum_is_refused_before_sending()
    {
        var result = _engine.Run("Get-DefenderIncident -Top 51");

        Assert.Single(result.Errors);
        Assert.Equal(0, Requests("GET"));
    }

    [Fact]
    public void Throttling_is_waited_out_and_the_wait_is_shown_with_Verbose()
    {
        _tenant.EnqueueFault(SimulatedFault.Status(429, retryAfterSeconds: 1, target: FaultTarget.GraphApi));

        var result = _engine.Run("Get-DefenderAlert -First 5 -Verbose");

        Assert.Empty(result.Errors);
        Assert.Equal(5, result.OutputOf<DefenderAlert>().Count());
        Assert.Contains(result.Verbose, line => line.Contains("Retry 1 of", StringComparison.Ordinal) && line.Contains("429", StringComparison.Ordinal));
    }
}
