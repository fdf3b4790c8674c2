using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using MdeSiem.Simulator.Graph;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// The whole v1.0 alert from the simulator: the properties and evidence kinds beyond the SIEM mapping
/// (categories, customDetails, investigationState, network connections, DNS names, hashes, Azure resources,
/// vmMetadata) arrive typed, equal to the simulator's own alerts, with nothing left over in AdditionalProperties.
/// </summary>
public sealed class GraphWholeAlertTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 600, Seed = 53, Span = TimeSpan.FromHours(12) });
        _connection = await GraphTenantConnection.ConnectAsync(_tenant);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task Every_alert_arrives_typed_and_equal_to_the_simulators_own()
    {
        var truth = _tenant.Batches.SelectMany(batch => GraphAlertBuilder.FromRecords(batch.GetRecords(), _tenant.TenantId)).ToDictionary(alert => alert.Id);
        var read = new List<DefenderAlert>();
        await foreach (var alert in new GraphAlertClient(_connection).GetAlertsAsync(new GraphAlertQuery { All = true }))
        {
            read.Add(alert);
        }

        Assert.True(read.Count > 100);
        foreach (var alert in read)
        {
            var expected = truth[alert.Id!];
            Assert.Equal(expected.InvestigationState, alert.InvestigationStateValue);
            Assert.NotEqual(InvestigationState.UnknownFutureValue, alert.InvestigationState);
            Assert.Equal(expected.Categories, alert.Categories);
            Assert.Equal(expected.CustomDetails.Keys.OrderBy(key => key), alert.CustomDetails.Keys.OrderBy(key => key));
            Assert.Equal(expected.Evidence.Select(evidence => (string)evidence["@odata.type"]!), alert.Evidence.Select(evidence => evidence.OdataType));
            Assert.Empty(alert.AdditionalProperties);
            Assert.All(GraphModelPreservationTests.ModelObjects(alert).OfType<GraphObject>(), model => Assert.Empty(model.AdditionalProperties));
            Assert.DoesNotContain(alert.Evidence, evidence => evidence is GenericEvidence);
        }

        var evidenceKinds = read.SelectMany(alert => alert.Evidence).Select(evidence => evidence.GetType()).ToHashSet();
        Assert.Superset(new HashSet<Type> { typeof(NetworkConnectionEvidence), typeof(DnsEvidence), typeof(FileHashEvidence), typeof(AzureResourceEvidence) }, evidenceKinds);
        Assert.Contains(read.SelectMany(alert => alert.Evidence.OfType<DeviceEvidence>()), device => device.VmMetadata is { CloudProvider: "azure" });
        Assert.Contains(read, alert => alert.CustomDetails.Count > 0);
        Assert.Contains(read.SelectMany(alert => alert.Evidence.OfType<NetworkConnectionEvidence>()), connection => connection.DestinationAddress?.IpAddress is not null && connection.DestinationPort == 443);
    }
}
