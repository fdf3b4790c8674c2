using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using MdeSiem.Tests.Forwarding;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>
/// ConvertTo-GraphAlert and the CEF / LEEF / JSON-lines formatters take MdeAlert: an MDE alert converted to the Graph
/// shape equals the live Graph alert of the same detection on every field both carry.
/// </summary>
public sealed class MdeMigrationTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 600, Seed = 53, Span = TimeSpan.FromHours(6) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public void A_hand_written_alert_maps_to_Graph_names_and_values()
    {
        var source = new MdeAlert
        {
            Id = "da1",
            IncidentId = 77,
            InvestigationId = 12,
            StatusValue = "InProgress",
            SeverityValue = "UnSpecified",
            ClassificationValue = "FalsePositive",
            DeterminationValue = "InsufficientData",
            DetectionSource = "WindowsDefenderSmartScreen",
            MachineId = "m1",
            ComputerDnsName = "pc.contoso.com",
            AlertCreationTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        };
        source.Evidence.Add(new MdeAlertEvidence { EntityType = "Process", ProcessCommandLine = "a.exe /x", FileName = "a.exe", Sha1 = "ab", DetectionStatus = "Prevented", ProcessId = 4 });
        source.Evidence.Add(new MdeAlertEvidence { EntityType = "Registry", RegistryHive = "HKEY_LOCAL_MACHINE", RegistryKey = "SOFTWARE\\Run", RegistryValue = "x" });

        var conversion = MdeToGraphMapper.Map(source);
        var alert = conversion.Alert;

        Assert.Equal("77", alert.IncidentId);
        Assert.Equal("inProgress", alert.StatusValue);
        Assert.Equal("unknown", alert.SeverityValue);
        Assert.Equal("falsePositive", alert.ClassificationValue);
        Assert.Equal("notEnoughDataToValidate", alert.DeterminationValue);
        Assert.Equal("smartScreen", alert.DetectionSourceValue);
        Assert.Equal("microsoftDefenderForEndpoint", alert.ServiceSourceValue);
        Assert.Equal(new[] { "deviceEvidence", "processEvidence", "registryValueEvidence" }, alert.Evidence.Select(evidence => evidence.Kind));
        var process = Assert.IsType<ProcessEvidence>(alert.Evidence[1]);
        Assert.Equal("prevented", process.DetectionStatus);
        Assert.Equal("a.exe", process.ImageFile!.FileName);
        Assert.Equal(4L, process.ProcessId);
        Assert.Equal("m1", process.MdeDeviceId);
        Assert.Equal(12L, conversion.UnmappedFields["InvestigationId"]);
    }

    [Theory]
    [InlineData("SuccessfullyRemediated", "successfullyRemediated")]
    [InlineData("Queued", "queued")]
    [InlineData("TerminatedByUser", "terminatedByUser")]
    public void The_investigation_state_goes_to_Graphs_investigationState(string mde, string graph)
    {
        var conversion = MdeToGraphMapper.Map(new MdeAlert { Id = "da1", InvestigationState = mde });

        Assert.Equal(graph, conversion.Alert.InvestigationStateValue);
        Assert.False(conversion.UnmappedFields.ContainsKey("InvestigationState"));
    }

    [Fact]
    public void An_investigation_state_Graph_does_not_have_stays_unmapped()
    {
        var conversion = MdeToGraphMapper.Map(new MdeAlert { Id = "da1", InvestigationState = "Pondering" });

        Assert.Null(conversion.Alert.InvestigationStateValue);
        Assert.Equal("Pondering", conversion.UnmappedFields["InvestigationState"]);
    }

    [Fact]
    public void Converted_MDE_alerts_equal_the_live_Graph_alerts_on_every_shared_field()
    {
        var id = GraphExpectations.AlertsOf(_tenant.Batches)[4].Id;
        var update = _engine.Run("Update-MdeAlert -Id $id -Status Resolved -Classification TruePositive -Determination MultiStagedAttack -AssignedTo 'soc@contoso.com' -Comment 'done' -Confirm:$false -WarningAction SilentlyContinue", ("id", id));
        Assert.Empty(update.Errors);

        var result = _engine.Run("Get-MdeAlert -All -IncludeEvidence -WarningAction SilentlyContinue | ConvertTo-GraphAlert");
        var live = _engine.Run("Get-DefenderAlert -All").OutputOf<DefenderAlert>().ToDictionary(alert => alert.Id!);

        Assert.Empty(result.Errors);
        var converted = result.OutputOf<DefenderAlert>().ToList();
        Assert.Equal(live.Count, converted.Count);
        Assert.Contains(converted, alert => alert.Id == id && alert.StatusValue == "resolved" && alert.DeterminationValue == "multiStagedAttack");
        foreach (var alert in converted)
        {
            var graph = live[alert.Id!];
            Assert.Equal(graph.ProviderAlertId, alert.ProviderAlertId);
            Assert.Equal(graph.IncidentId, alert.IncidentId);
            Assert.Equal(graph.StatusValue, alert.StatusValue);
            Assert.Equal(graph.SeverityValue, alert.SeverityValue);
            Assert.Equal(graph.ClassificationValue, alert.ClassificationValue);
            Assert.Equal(graph.DeterminationValue, alert.DeterminationValue);
            Assert.Equal(graph.ServiceSourceValue, alert.ServiceSourceValue);
            Assert.Equal(graph.DetectionSourceValue, alert.DetectionSourceValue);
            Assert.Equal(graph.DetectorId, alert.DetectorId);
            Assert.Equal(graph.TenantId, alert.TenantId);
            Assert.Equal(graph.Title, alert.Title);
            Assert.Equal(graph.Description, alert.Description);
            Assert.Equal(graph.Category, alert.Category);
            Assert.Equal(graph.AssignedTo, alert.AssignedTo);
            Assert.Equal(graph.ThreatDisplayName, alert.ThreatDisplayName);
            Assert.Equal(graph.ThreatFamilyName, alert.ThreatFamilyName);
            Assert.Equal(graph.MitreTechniques, alert.MitreTechniques);
            Assert.Equal(graph.CreatedDateTime, alert.CreatedDateTime);
            Assert.Equal(graph.LastUpdateDateTime, alert.LastUpdateDateTime);
            Assert.Equal(graph.ResolvedDateTime, alert.ResolvedDateTime);
            Assert.Equal(graph.FirstActivityDateTime, alert.FirstActivityDateTime);
            Assert.Equal(graph.LastActivityDateTime, alert.LastActivityDateTime);
            Assert.Equal(graph.Comments.Select(comment => (comment.Comment, comment.CreatedDateTime)), alert.Comments.Select(comment => (comment.Comment, comment.CreatedDateTime)));

            var device = graph.Evidence.OfType<DeviceEvidence>().Single();
            var convertedDevice = alert.Evidence.OfType<DeviceEvidence>().Single();
            Assert.Equal(device.MdeDeviceId, convertedDevice.MdeDeviceId);
            Assert.Equal(device.DeviceDnsName, convertedDevice.DeviceDnsName);
            Assert.Equal(string.IsNullOrEmpty(device.RbacGroupName) ? null : device.RbacGroupName, convertedDevice.RbacGroupName);
            Assert.Equal(Kinds(graph), Kinds(alert));
            Assert.Equal(graph.Evidence.OfType<IpEvidence>().Select(e => e.IpAddress), alert.Evidence.OfType<IpEvidence>().Select(e => e.IpAddress));
            Assert.Equal(graph.Evidence.OfType<UrlEvidence>().Select(e => e.Url), alert.Evidence.OfType<UrlEvidence>().Select(e => e.Url));
            Assert.Equal(
                graph.Evidence.OfType<ProcessEvidence>().Select(e => (e.ProcessCommandLine, e.ImageFile?.Sha1, e.ImageFile?.FileName, e.DetectionStatus)),
                alert.Evidence.OfType<ProcessEvidence>().Select(e => (e.ProcessCommandLine, e.ImageFile?.Sha1, e.ImageFile?.FileName, e.DetectionStatus)));
            Assert.Equal(
                graph.Evidence.OfType<FileEvidence>().Select(e => (e.FileDetails?.Sha1, e.FileDetails?.Sha256, e.FileDetails?.FilePath, e.DetectionStatus)),
                alert.Evidence.OfType<FileEvidence>().Select(e => (e.FileDetails?.Sha1, e.FileDetails?.Sha256, e.FileDetails?.FilePath, e.DetectionStatus)));
            Assert.Equal(
                graph.Evidence.OfType<UserEvidence>().Select(e => (e.UserAccount?.AccountName, e.UserAccount?.DomainName)),
                alert.Evidence.OfType<UserEvidence>().Select(e => (e.UserAccount?.AccountName, e.UserAccount?.DomainName)));
        }
    }

    [Fact]
    public void The_formatters_take_MdeAlert_with_its_own_profile()
    {
        var alerts = _engine.Run("Get-MdeAlert -Top 5 -WarningAction SilentlyContinue").OutputOf<MdeAlert>().ToList();

        var cef = _engine.Run("$a | ConvertTo-MdeSiemCef", ("a", alerts)).Output.Select(line => line.ToString()).ToList();
        var leef = _engine.Run("$a | ConvertTo-MdeSiemLeef", ("a", alerts)).Output.Select(line => line.ToString()).ToList();
        var json = _engine.Run("$a | ConvertTo-MdeSiemJsonLine", ("a", alerts)).Output.Select(line => line.ToString()).ToList();

        Assert.Equal(5, cef.Count);
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            var parsedCef = CefSpecParser.Parse(cef[i]);
            Assert.Equal("Microsoft Defender for Endpoint", parsedCef.Header[2]);
            Assert.Equal(alert.Title, parsedCef.Header[5]);
            var extensions = parsedCef.ExtensionMap();
            Assert.Equal(alert.Id, extensions["externalId"]);
            Assert.Equal(alert.ComputerDnsName, extensions["shost"]);
            Assert.Equal(alert.MachineId, extensions["cs4"]);
            Assert.Equal(new DateTimeOffset(alert.AlertCreationTime!.Value).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), extensions["rt"]);

            var attributes = LeefSpecParser.Parse(leef[i]).AttributeMap();
            Assert.Equal(alert.Id, attributes["externalId"]);
            Assert.Equal(alert.IncidentId!.Value.ToString(CultureInfo.InvariantCulture), attributes["incidentId"]);

            using var line = JsonDocument.Parse(json[i]);
            Assert.Equal(alert.Id, line.RootElement.GetProperty("Id").GetString());
            Assert.Equal(alert.Title, line.RootElement.GetProperty("Title").GetString());
        }
    }

    /// <summary>The evidence kinds both APIs carry: the Defender for Endpoint API's entity types have no network
    /// connection, DNS, file hash or cloud resource entity, which Graph alerts also list.</summary>
    private static List<string?> Kinds(DefenderAlert alert) => alert.Evidence
        .Where(evidence => evidence is not (NetworkConnectionEvidence or DnsEvidence or FileHashEvidence or AzureResourceEvidence))
        .Select(evidence => evidence.Kind).ToList();
}
