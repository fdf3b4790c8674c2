using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MdeSiem.Core.Forwarding;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Output;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Output;

/// <summary>
/// -OutFile's fast JSON-lines path writes a typed record straight from its properties; its line must be the one
/// the general path (the record read into a field set, then formatted: what ConvertTo-MdeSiemJsonLine writes) gives,
/// for every record type a pull writes, nested evidence and lists included.
/// </summary>
public sealed class TypedJsonLineWriterTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 61, Span = TimeSpan.FromHours(6) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public void Writes_each_record_type_as_the_field_set_formatter_does()
    {
        var siem = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc ([DateTime]::UtcNow.AddDays(-1)) -WarningAction SilentlyContinue").OutputOf<MdeSiemAlert>().ToList();
        var graph = _engine.Run("Get-DefenderAlert -All").OutputOf<DefenderAlert>().ToList();
        var incidents = _engine.Run("Get-DefenderIncident -All -ExpandAlerts").OutputOf<DefenderIncident>().ToList();
        var mde = _engine.Run("Get-MdeAlert -All -WarningAction SilentlyContinue").OutputOf<MdeAlert>().ToList();
        var records = siem.Cast<object>().Concat(graph).Concat(incidents).Concat(mde).ToList();
        Assert.Equal(_tenant.Generator.Count, siem.Count);
        Assert.NotEmpty(graph);
        Assert.NotEmpty(incidents);
        Assert.NotEmpty(mde);
        Assert.Contains(graph, alert => alert.Evidence.Count > 0);

        using var writer = new TypedJsonLineWriter();
        foreach (var record in records)
        {
            var expected = JsonLineFormatter.Format(ObjectFields.From(record));
            Assert.Equal(expected, Encoding.UTF8.GetString(ToArray(writer.Format(record))));
        }
    }

    private static byte[] ToArray(ArraySegment<byte> segment) => segment.ToArray();
}
