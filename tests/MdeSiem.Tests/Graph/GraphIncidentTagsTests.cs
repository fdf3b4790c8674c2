using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// The simulator answers incidents as Microsoft's two list examples do ("customTags" plain, "tags" with
/// $expand=alerts); the module fills CustomTags from either and keeps nothing of it in AdditionalProperties.
/// </summary>
public sealed class GraphIncidentTagsTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 400, Seed = 47, Span = TimeSpan.FromHours(12) });
        _connection = await GraphTenantConnection.ConnectAsync(_tenant);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _tenant.DisposeAsync();
    }

    private async Task<List<DefenderIncident>> ReadAsync(bool expand)
    {
        var list = new List<DefenderIncident>();
        await foreach (var incident in new GraphIncidentClient(_connection).GetIncidentsAsync(new GraphIncidentQuery { All = true, ExpandAlerts = expand }))
        {
            list.Add(incident);
        }

        return list;
    }

    [Fact]
    public async Task Custom_tags_read_the_same_with_and_without_expanded_alerts()
    {
        var expanded = await ReadAsync(expand: true);
        var plain = (await ReadAsync(expand: false)).ToDictionary(incident => incident.Id!);

        // The simulated SOC tags the incidents that group more than one alert.
        Assert.Contains(expanded, incident => incident.Alerts.Count > 1);
        Assert.All(expanded, incident =>
        {
            Assert.Equal(incident.Alerts.Count > 1 ? new[] { "Multi-alert" } : Array.Empty<string>(), incident.CustomTags);
            Assert.Equal(incident.CustomTags, plain[incident.Id!].CustomTags);
            Assert.Empty(incident.AdditionalProperties);
            Assert.Empty(plain[incident.Id!].AdditionalProperties);
        });
    }
}
