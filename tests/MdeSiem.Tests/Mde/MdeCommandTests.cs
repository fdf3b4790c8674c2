using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>Get-MdeAlert, Update-MdeAlert and Get-MdeIncident in a hosted engine against the simulator.</summary>
public sealed class MdeCommandTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;
    private List<ExpectedMdeAlert> _expected = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 4000, Seed = 41, Span = TimeSpan.FromHours(12), Clock = MdeIncidentClockTests.FixedClock() });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant);
        _expected = MdeExpectations.AlertsOf(_tenant.Batches);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    private static List<string> Sorted(IEnumerable<string?> ids) => ids.Select(id => id!).OrderBy(id => id, StringComparer.Ordinal).ToList();

    [Fact]
    public void All_pages_through_thousands_of_alerts_with_filters_and_warns_of_the_retirement_once()
    {
        var expected = Sorted(_expected.Where(alert => alert.Severity is "High" or "Low" && alert.DetectionSource != "WindowsDefenderAtp").Select(alert => alert.Id));

        var first = _engine.Run("Get-MdeAlert -Severity High, Low -Filter \"detectionSource ne 'WindowsDefenderAtp'\" -All -Top 100 -Verbose");
        var second = _engine.Run("Get-MdeAlert -Top 1; Get-MdeIncident -Top 1");

        Assert.Empty(first.Errors);
        Assert.True(expected.Count > 500);
        Assert.Equal(expected, Sorted(first.OutputOf<MdeAlert>().Select(alert => alert.Id)));
        Assert.Contains(first.Verbose, line => line.Contains("paging by $skip", StringComparison.Ordinal));
        Assert.Contains("MC1220762", Assert.Single(first.Warnings), StringComparison.Ordinal);
        Assert.Empty(second.Warnings);
        Assert.Equal((expected.Count / 100) + 1, _tenant.Requests.Count(request => request.Path == "/mde/api/alerts" && request.QueryString.Contains("$top=100", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_alert_from_the_SIEM_API_the_MDE_API_and_Graph_agrees_on_every_shared_field()
    {
        var result = _engine.Run(
            "$siem = @(Get-MdeSiemAlert -SinceTimeUtc $since -Limit 40 -WarningAction SilentlyContinue);"
            + "$siem; $siem | Get-MdeAlert -WarningAction SilentlyContinue; $siem | Get-DefenderAlert",
            ("since", _tenant.Generator.EndTimeUtc.AddDays(-1)));

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(error => error.FullyQualifiedErrorId + " " + error)));
        var siem = result.OutputOf<MdeSiemAlert>().GroupBy(record => record.AlertId).ToDictionary(group => group.Key!, group => group.ToList());
        var mde = result.OutputOf<MdeAlert>().GroupBy(alert => alert.Id!).Select(group => group.First()).ToList();
        var graph = result.OutputOf<DefenderAlert>().GroupBy(alert => alert.Id!).ToDictionary(group => group.Key, group => group.First());
        Assert.True(mde.Count >= 10);
        foreach (var alert in mde)
        {
            var parts = siem[alert.Id!];
            var record = parts[0];
            var other = graph[alert.Id!];
            var device = other.Evidence.OfType<DeviceEvidence>().Single();

            Assert.Equal(record.AlertTitle, alert.Title);
            Assert.Equal(other.Title, alert.Title);
            Assert.Equal(record.Description, alert.Description);
            Assert.Equal(other.Description, alert.Description);
            Assert.Equal(record.Category, alert.Category);
            Assert.Equal(other.Category, alert.Category);
            Assert.Equal(record.Severity, alert.SeverityValue);
            Assert.Equal(other.SeverityValue, alert.SeverityValue!.ToLowerInvariant());
            Assert.Equal(record.AlertTime, alert.AlertCreationTime);
            Assert.Equal(other.CreatedDateTime, alert.AlertCreationTime);
            Assert.Equal(other.FirstActivityDateTime, alert.FirstEventTime);
            Assert.Equal(other.LastActivityDateTime, alert.LastEventTime);
            Assert.Equal(other.LastUpdateDateTime, alert.LastUpdateTime);
            Assert.Equal(record.IoaDefinitionId, alert.DetectorId);
            Assert.Equal(other.DetectorId, alert.DetectorId);
            Assert.Equal(string.IsNullOrEmpty(record.ThreatFamily) ? null : record.ThreatFamily, alert.ThreatFamilyName);
            Assert.Equal(other.ThreatFamilyName, alert.ThreatFamilyName);
            Assert.Equal(other.ThreatDisplayName, alert.ThreatName);
            Assert.Equal(record.DeviceID, alert.MachineId);
            Assert.Equal(device.MdeDeviceId, alert.MachineId);
            Assert.Equal(record.ComputerDnsName, alert.ComputerDnsName);
            Assert.Equal(device.DeviceDnsName, alert.ComputerDnsName);
            // No group: the SIEM parser and the MDE API say null, Graph's evidence keeps the SIEM field's empty text.
            Assert.Equal(record.MachineGroup, alert.RbacGroupName);
            Assert.Equal(string.IsNullOrEmpty(device.RbacGroupName) ? null : device.RbacGroupName, alert.RbacGroupName);
            Assert.Equal(other.IncidentId, alert.IncidentId.ToString());
            Assert.Equal(other.TenantId, alert.AadTenantId);
            Assert.Equal(other.MitreTechniques, alert.MitreTechniques);
            Assert.Equal("New", alert.StatusValue);
            Assert.Equal("new", other.StatusValue);
        }
    }

    [Fact]
    public void WhatIf_sends_no_PATCH_and_an_update_round_trips_from_the_pipeline()
    {
        var id = _expected[11].Id;

        var preview = _engine.Run("Get-MdeAlert -Id $id | Update-MdeAlert -Status Resolved -Comment 'nope' -WhatIf", ("id", id));
        Assert.Empty(preview.Errors);
        Assert.DoesNotContain(_tenant.Requests, request => request.Method == "PATCH");

        var update = _engine.Run(
            "Get-MdeAlert -Id $id | Update-MdeAlert -Status InProgress -AssignedTo 'soc@contoso.com' -Classification FalsePositive -Determination NotMalicious -Comment 'benign' -PassThru -Confirm:$false",
            ("id", id));
        Assert.Empty(update.Errors);
        var updated = Assert.Single(update.OutputOf<MdeAlert>());
        var reread = Assert.Single(_engine.Run("Get-MdeAlert -Id $id", ("id", id)).OutputOf<MdeAlert>());
        foreach (var alert in new[] { updated, reread })
        {
            Assert.Equal(MdeAlertStatus.InProgress, alert.Status);
            Assert.Equal("soc@contoso.com", alert.AssignedTo);
            Assert.Equal(MdeAlertClassification.FalsePositive, alert.Classification);
            Assert.Equal(MdeAlertDetermination.NotMalicious, alert.Determination);
            Assert.Equal("benign", Assert.Single(alert.Comments).Comment);
        }

        Assert.Single(_tenant.Requests, request => request.Method == "PATCH" && request.Path == "/mde/api/alerts/" + id);
    }

    [Fact]
    public void Incidents_group_every_alert_once_and_an_alert_finds_its_incident()
    {
        var result = _engine.Run("Get-MdeIncident -All");
        var piped = _engine.Run("Get-MdeAlert -Id $id | Get-MdeIncident", ("id", _expected[3].Id));

        Assert.Empty(result.Errors);
        var incidents = result.OutputOf<MdeIncident>().ToList();
        Assert.Equal(Sorted(_expected.Select(alert => alert.Id)), Sorted(incidents.SelectMany(incident => incident.Alerts).Select(alert => alert.AlertId)));
        Assert.Equal(MdeExpectations.IncidentsOf(_expected).Count, incidents.Count);
        var own = Assert.Single(piped.OutputOf<MdeIncident>());
        Assert.Contains(own.Alerts, alert => alert.AlertId == _expected[3].Id);
        Assert.All(own.Alerts, alert => Assert.Equal(_expected[3].MachineId, Assert.Single(alert.Devices).MdatpDeviceId));
    }

    [Fact]
    public void An_unsupported_filter_is_BadRequest_and_Top_is_bounded()
    {
        var filter = _engine.Run("Get-MdeAlert -Filter \"title eq 'x'\"");
        var top = _engine.Run("Get-MdeIncident -Top 101");

        Assert.StartsWith("MdeSiem.BadRequest,", Assert.Single(filter.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.StartsWith("ParameterArgumentValidationError,", Assert.Single(top.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_is_PermissionDenied_naming_the_permission_and_no_secret_leaks()
    {
        using var engine = new HostedEngine();
        var connect = engine.Run(
            "Connect-MdeSiem -TenantId $t -ClientId $c -ClientSecret $s -EndpointUri $u -SkipCertificateCheck",
            ("s", HostedEngine.ToSecureString(_tenant.UnmanagedClientSecret)), ("t", _tenant.UnmanagedTenantId), ("c", _tenant.UnmanagedClientId), ("u", _tenant.BaseUri));
        Assert.Empty(connect.Errors);

        var alerts = engine.Run("Get-MdeAlert -All -IncludeEvidence -Verbose");
        var incidents = engine.Run("Get-MdeIncident -Verbose");
        var update = engine.Run("Update-MdeAlert -Id x -Status Resolved -Confirm:$false -Verbose");

        foreach (var (result, permission) in new[] { (alerts, MdePermission.AlertRead), (incidents, MdePermission.IncidentRead), (update, MdePermission.AlertReadWrite) })
        {
            var error = Assert.Single(result.Errors);
            Assert.True(error.FullyQualifiedErrorId.StartsWith("MdeSiem.PermissionDenied,", StringComparison.Ordinal), error.FullyQualifiedErrorId + " " + error);
            Assert.Contains(permission, error.ErrorDetails.Message, StringComparison.Ordinal);
            var everything = string.Join("\n", result.Verbose.Concat(result.Warnings).Concat(new[] { error.ToString(), error.ErrorDetails.Message, error.ErrorDetails.RecommendedAction }));
            Assert.DoesNotContain(_tenant.UnmanagedClientSecret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", everything, StringComparison.Ordinal);
        }
    }
}
