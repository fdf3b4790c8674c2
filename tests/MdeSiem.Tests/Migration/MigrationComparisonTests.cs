using System;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Migration;
using MdeSiem.Simulator.Graph;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Migration;

/// <summary>
/// The comparison against a simulated tenant whose Graph view diverges as documented; every expected number comes
/// from <see cref="MigrationGroundTruth"/> (the generator and the divergence rules), never from the comparison.
/// </summary>
public sealed class MigrationComparisonTests : IClassFixture<DivergentTenantFixture>
{
    private static readonly DateTime Since = DivergentTenantFixture.EndTimeUtc.AddHours(-5);
    private static readonly DateTime Until = DivergentTenantFixture.EndTimeUtc.AddHours(-1);

    private readonly DivergentTenantFixture _fixture;

    public MigrationComparisonTests(DivergentTenantFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Counts_equal_the_simulators_ground_truth()
    {
        var truth = new MigrationGroundTruth(_fixture.Tenant.Generator, Since, Until);
        var report = await CompareAsync();
        var s = report.Summary;

        Assert.Equal(truth.Records.Count, s.SiemRecords);
        Assert.Equal(truth.SiemIds.Count, s.SiemAlerts);
        Assert.Equal(truth.GraphIds.Count, s.GraphAlerts);
        Assert.Equal(truth.Paired.Count, s.Paired);
        Assert.Equal(truth.SiemIds.Count - truth.Paired.Count, s.OnlyInSiem);
        Assert.Equal(truth.OnlyInSiemCreatedOutsideWindow, s.OnlyInSiemCreatedOutsideWindow);
        Assert.Equal(truth.OnlyInSiemUnexplained, s.OnlyInSiemUnexplained);
        Assert.Equal(truth.GraphIds.Count - truth.Paired.Count, s.OnlyInGraph);
        Assert.Equal(truth.OnlyInGraphProcessedOutsideWindow, s.OnlyInGraphProcessedOutsideWindow);
        Assert.Equal(truth.OnlyInGraphUnexplained, s.OnlyInGraphUnexplained);

        // The window's edges hold alerts only one side returns, and both kinds are explained.
        Assert.True(truth.OnlyInSiemCreatedOutsideWindow > 0 && truth.OnlyInGraphProcessedOutsideWindow > 0);
        Assert.Equal(0, s.OnlyInSiemUnexplained + s.OnlyInGraphUnexplained);

        int updated = truth.GraphIds.Count(GraphDivergences.IsUpdatedSince);
        Assert.True(updated > 0);
        Assert.Equal(updated, s.Statuses["resolved"]);
        Assert.Equal(updated, s.Classifications["truePositive"]);
        Assert.Equal(truth.GraphIds.Count - updated, s.Statuses["new"]);
        Assert.Equal(truth.GraphIds.Count, s.EvidenceTypes["deviceEvidence"]);
    }

    [Fact]
    public async Task Rows_count_values_agreements_and_losses_as_the_ground_truth_says()
    {
        var truth = new MigrationGroundTruth(_fixture.Tenant.Generator, Since, Until);
        var report = await CompareAsync();
        MigrationFieldRow Row(string field) => report.Rows.Single(r => r.Field == field);

        // Untouched fields agree on every paired alert.
        var title = Row("AlertTitle");
        Assert.Equal(truth.Records.Count(r => !string.IsNullOrEmpty(r.AlertTitle)), title.RecordsWithValue);
        Assert.Equal(truth.Paired.Count, title.PairedWithValue);
        Assert.Equal(truth.Paired.Count, title.Same);
        Assert.Equal(0, title.Different);

        // lastActivityDateTime moved on for alerts updated since, and for alerts whose later parts fall after the window.
        var lastProcessed = Row("LastProcessedTimeUtc");
        int expectedDifferent = truth.Paired.Count(id => truth.SiemPartsOf(id).Max(p => p.LastProcessedTimeUtc) != truth.GraphLastActivity(id));
        Assert.True(expectedDifferent > 0);
        Assert.Equal(expectedDifferent, lastProcessed.Different);
        Assert.Equal(truth.Paired.Count - expectedDifferent, lastProcessed.Same);
        Assert.Equal(Math.Min(expectedDifferent, 5), lastProcessed.Examples.Count);
        var example = lastProcessed.Examples[0];
        Assert.Equal(truth.GraphLastActivity(example.AlertId).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"), example.GraphValue);

        // Graph's device evidence names no group for some alerts: the MachineGroup row differs exactly there.
        var group = Row("MachineGroup");
        var pairedWithGroup = truth.Paired.Where(id => truth.SiemPartsOf(id).Any(p => !string.IsNullOrEmpty(p.MachineGroup))).ToList();
        Assert.Equal(pairedWithGroup.Count, group.PairedWithValue);
        Assert.Equal(pairedWithGroup.Count(GraphDivergences.HasNoDeviceGroup), group.Different);
        Assert.True(group.Different > 0);

        // X rows: every non-empty value in the window's records is lost.
        var md5 = Row("Md5");
        Assert.Equal("X", md5.Mapping);
        int md5Values = truth.Records.Count(r => !string.IsNullOrEmpty(r.Md5));
        Assert.True(md5Values > 0);
        Assert.Equal(md5Values, md5.Lost);
        Assert.Equal(truth.Paired.Count(id => truth.SiemPartsOf(id).Any(p => !string.IsNullOrEmpty(p.Md5))), md5.PairedWithValue);
        Assert.Equal(report.Rows.Sum(r => r.Lost), report.Summary.LostValues);

        // A paired alert is identical unless it was updated, cut by the window, or lost its device group in Graph.
        int changed = truth.Paired.Count(id =>
            truth.SiemPartsOf(id).Max(p => p.LastProcessedTimeUtc) != truth.GraphLastActivity(id)
            || (GraphDivergences.HasNoDeviceGroup(id) && pairedWithGroup.Contains(id)));
        Assert.Equal(truth.Paired.Count - changed, report.Summary.PairedIdentical);
    }

    [Fact]
    public async Task A_machine_group_query_explains_the_alerts_Graph_cannot_place()
    {
        string[] groups = { "UKMachines", "FranceMachines" };
        var truth = new MigrationGroundTruth(_fixture.Tenant.Generator, Since, Until, groups);
        var report = await CompareAsync(groups);
        var s = report.Summary;

        Assert.Equal(truth.Records.Count, s.SiemRecords);
        Assert.Equal(truth.Paired.Count, s.Paired);
        Assert.Equal(truth.OnlyInSiemMachineGroupUnknown, s.OnlyInSiemMachineGroupUnknownInGraph);
        Assert.True(truth.OnlyInSiemMachineGroupUnknown > 0);
        Assert.Equal(truth.OnlyInSiemCreatedOutsideWindow, s.OnlyInSiemCreatedOutsideWindow);
        Assert.Equal(0, s.OnlyInSiemUnexplained);
        Assert.Equal(truth.GraphWithoutGroup.Count, s.GraphAlertsWithoutMachineGroup);
        Assert.Equal(truth.GraphIds.Count - truth.Paired.Count, s.OnlyInGraph);
    }

    [Fact]
    public void Rows_follow_the_mapping_table_in_the_docs_row_for_row()
    {
        var documented = Mapping.MappingTableDocument.Read();
        Assert.Equal(documented.Select(r => (r.SiemField, r.IsMapped)), MigrationRows.All.Select(r => (r.Field, r.IsMapped)));
        Assert.Equal(documented.Select(r => r.GraphTarget), MigrationRows.All.Select(r => r.GraphProperty));
    }

    [Fact]
    public async Task The_html_report_is_self_contained_and_shows_the_summary()
    {
        var report = await CompareAsync();
        string html = MigrationReportHtml.Write(report);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"data-metric=\"paired\">{report.Summary.Paired}<", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    private async Task<MigrationReport> CompareAsync(params string[] groups)
    {
        using var connection = await GraphTenantConnection.ConnectAsync(_fixture.Tenant);
        var window = new MigrationWindow { SinceTimeUtc = Since, UntilTimeUtc = Until };
        foreach (var group in groups)
        {
            window.MachineGroups.Add(group);
        }

        return await MigrationComparison.RunAsync(connection, window, default);
    }
}
