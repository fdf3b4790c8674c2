using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Mapping;

/// <summary>
/// ConvertTo-GraphAlert and ConvertTo-MdeSiemAlert in a hosted engine against the simulator, whose Graph endpoint
/// builds its alerts from the same SIEM records by its own implementation of the table.
/// </summary>
public sealed class ConversionEndToEndTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 600, Seed = 23, Span = TimeSpan.FromHours(1) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    private (string Name, object? Value) Since => ("since", _tenant.Generator.StartTimeUtc.AddMinutes(-1));

    [Fact]
    public void Converted_SIEM_records_equal_the_simulators_Graph_alerts_on_every_mapped_row()
    {
        var converted = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc $since | ConvertTo-GraphAlert", Since);
        var live = _engine.Run("Get-DefenderAlert -All");

        Assert.Empty(converted.Errors);
        Assert.Empty(live.Errors);
        var expected = live.OutputOf<DefenderAlert>().ToDictionary(alert => alert.Id!, StringComparer.Ordinal);
        var actual = converted.OutputOf<DefenderAlert>().ToList();
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(actual.Count, actual.Select(alert => alert.Id).Distinct().Count());
        Assert.True(actual.Count(alert => alert.Evidence.Count > 2) > 10, "too few multi-part alerts to prove merging");
        foreach (var alert in actual)
        {
            Assert.Equal(MappedView.Of(expected[alert.Id!]), MappedView.Of(alert));
        }
    }

    [Fact]
    public void Every_alert_carries_its_unmapped_fields_and_Strict_warns()
    {
        var records = _tenant.Generator.GetRecords().ToList();

        var result = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue | ConvertTo-GraphAlert -Strict", Since);

        Assert.Empty(result.Errors);
        Assert.Equal(result.Output.Count, result.Warnings.Count());
        foreach (var output in result.Output)
        {
            var unmapped = (System.Collections.Hashtable)output.Properties["UnmappedSiemFields"].Value;
            var id = ((DefenderAlert)output.BaseObject).Id;
            var fullIds = records.Where(r => r.AlertId == id).Select(r => r.FullId).ToList();
            Assert.Equal(fullIds, unmapped["FullId"] is object[] many ? many.Cast<string>().ToList() : new List<string> { (string)unmapped["FullId"]! });
        }
    }

    [Fact]
    public void Round_trip_SIEM_to_Graph_to_SIEM_keeps_every_mapped_field()
    {
        var original = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc $since", Since).OutputOf<MdeSiemAlert>().ToList();
        var back = _engine.Run("$records | ConvertTo-GraphAlert | ConvertTo-MdeSiemAlert", ("records", original));

        Assert.Empty(back.Errors);
        var returned = back.OutputOf<MdeSiemAlert>().ToLookup(record => record.AlertId);
        foreach (var alert in original.GroupBy(record => record.AlertId))
        {
            var parts = alert.ToList();
            var again = returned[alert.Key].ToList();
            Assert.Equal(Enumerable.Range(0, again.Count), again.Select(record => record.AlertPart));
            foreach (var field in RoundTripFields.Kept)
            {
                Assert.True(
                    RoundTripFields.Values(parts, field).SetEquals(RoundTripFields.Values(again, field)),
                    $"{alert.Key} {field}: [{string.Join(", ", RoundTripFields.Values(parts, field))}] came back as [{string.Join(", ", RoundTripFields.Values(again, field))}]");
            }

            // Graph keeps one evidence per file, so the per-part result fields of repeated files keep the first's values.
            foreach (var field in RoundTripFields.PerEvidence)
            {
                Assert.Subset(RoundTripFields.Values(parts, field), RoundTripFields.Values(again, field));
            }

            Assert.Equal(parts.Max(part => part.LastProcessedTimeUtc), again.Select(part => part.LastProcessedTimeUtc).Distinct().Single());
            Assert.Equal(RoundTripFields.Coalesced(parts, r => r.LinkToMTP ?? r.LinkToWDATP), RoundTripFields.Coalesced(again, r => r.LinkToMTP ?? r.LinkToWDATP));
            Assert.Equal(RoundTripFields.Coalesced(parts, r => r.IncidentLinkToMTP ?? r.IncidentLinkToWDATP), RoundTripFields.Coalesced(again, r => r.IncidentLinkToMTP ?? r.IncidentLinkToWDATP));
            Assert.True(RoundTripFields.Tags(parts).SetEquals(RoundTripFields.Tags(again)), alert.Key + " tags");
            Assert.All(again, record => Assert.Null(record.FullId ?? record.IocUniqueId ?? record.Md5 ?? record.ExternalId ?? record.InternalIPv4List));
        }
    }

    [Fact]
    public void Live_Graph_alerts_come_back_as_the_SIEM_records_they_were_built_from()
    {
        var original = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc $since", Since).OutputOf<MdeSiemAlert>().ToLookup(record => record.AlertId);
        var back = _engine.Run("Get-DefenderAlert -All | ConvertTo-MdeSiemAlert");

        Assert.Empty(back.Errors);
        var returned = back.OutputOf<MdeSiemAlert>().GroupBy(record => record.AlertId).ToList();
        Assert.Equal(original.Count, returned.Count);
        foreach (var alert in returned)
        {
            foreach (var field in RoundTripFields.Kept)
            {
                Assert.True(
                    RoundTripFields.Values(original[alert.Key], field).SetEquals(RoundTripFields.Values(alert, field)),
                    $"{alert.Key} {field}");
            }
        }
    }

    [Fact]
    public void Strings_as_Import_Csv_gives_them_convert_with_the_right_types()
    {
        // The hosted engine has no Import-Csv (tests/ConvertToGraphAlert.Tests.ps1 runs the real one in pwsh): build
        // what it returns, a PSCustomObject per row with every value a string, times as the SIEM API wrote them.
        var records = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc $since", Since).OutputOf<MdeSiemAlert>().ToList();
        var rows = records.Select(AsCsvRow).ToList();

        var typed = _engine.Run("$records | ConvertTo-GraphAlert", ("records", records));
        var fromCsv = _engine.Run("$rows | ConvertTo-GraphAlert", ("rows", rows));

        Assert.Empty(typed.Errors);
        Assert.True(fromCsv.Errors.Count == 0, string.Join("; ", fromCsv.Errors.Select(e => e.ToString())));
        var expected = typed.OutputOf<DefenderAlert>().ToDictionary(alert => alert.Id!);
        var actual = fromCsv.OutputOf<DefenderAlert>().ToList();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var alert in actual)
        {
            Assert.Equal(DateTimeKind.Utc, alert.CreatedDateTime!.Value.Kind);
            Assert.Equal(MappedView.Of(expected[alert.Id!]), MappedView.Of(alert));
        }

        // AlertPart and ReportID come back as numbers, not text.
        foreach (var output in fromCsv.Output)
        {
            var unmapped = (System.Collections.Hashtable)output.Properties["UnmappedSiemFields"].Value;
            Assert.All(AsList(unmapped["AlertPart"]), part => Assert.IsType<int>(part));
            Assert.All(AsList(unmapped["ReportID"]), id => Assert.IsType<long>(id));
        }
    }

    private static PSObject AsCsvRow(MdeSiemAlert record)
    {
        var row = new PSObject();
        foreach (var property in typeof(MdeSiemAlert).GetProperties())
        {
            string text = property.GetValue(record) switch
            {
                null => string.Empty,
                DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var value => value.ToString()!,
            };
            row.Properties.Add(new PSNoteProperty(property.Name, text));
        }

        return row;
    }

    [Fact]
    public void Malformed_values_give_a_non_terminating_error_per_record_and_the_rest_convert()
    {
        var result = _engine.Run(@"
            $good = @{ AlertId = 'da1'; AlertTime = '2026-01-01T00:00:00Z'; Severity = 'High'; AlertPart = '0'; LastProcessedTimeUtc = '2026-01-01T00:01:00Z' }
            @(
                [pscustomobject]$good
                [pscustomobject]@{ AlertId = 'da2'; AlertTime = 'yesterday-ish'; Severity = 'Low' }
                [pscustomobject]@{ AlertId = 'da3'; AlertTime = '2026-01-01T00:00:00Z'; Severity = 'Catastrophic' }
                [pscustomobject]@{ AlertId = 'da4'; AlertPart = 'first'; Severity = 'Low' }
                [pscustomobject]@{ AlertId = 'da5'; RemediationIsSuccess = 'maybe' }
                [pscustomobject]@{ AlertId = 'da1'; AlertPart = '1'; IpAddress = '198.51.100.2'; Severity = 'High' }
                [pscustomobject]@{ AlertId = 'da6'; Severity = 'medium'; WasExecutingWhileDetected = 'False' }
            ) | ConvertTo-GraphAlert
            ");

        var alerts = result.OutputOf<DefenderAlert>().ToList();
        Assert.Equal(new[] { "da1", "da3", "da6" }, alerts.Select(alert => alert.Id).OrderBy(id => id));
        Assert.Contains(alerts.Single(a => a.Id == "da1").Evidence, e => e is IpEvidence { IpAddress: "198.51.100.2" });

        // A severity Graph has no member for is alertSeverity "unknown", the record's own value reported as unmapped.
        var da3 = result.Output.Single(output => ((DefenderAlert)output.BaseObject).Id == "da3");
        Assert.Equal(AlertSeverity.Unknown, ((DefenderAlert)da3.BaseObject).Severity);
        Assert.Equal("Catastrophic", ((System.Collections.Hashtable)da3.Properties["UnmappedSiemFields"].Value)["Severity"]);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("MdeSiem.InvalidInputRecord,MdeSiem.Commands.ConvertToGraphAlertCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        });
        Assert.Equal(new[] { "da2", "da4", "da5" }, result.Errors.Select(error => ((PSObject)error.TargetObject).Properties["AlertId"].Value));
    }

    private static IEnumerable<object?> AsList(object? value) => value is object[] many ? many : new[] { value };
}
