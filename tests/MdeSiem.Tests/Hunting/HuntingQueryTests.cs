using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Hunting;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Hunting;

/// <summary>
/// Invoke-DefenderHuntingQuery's core against the simulated tenant's runHuntingQuery. Expected rows come from the
/// generator's records (one AlertInfo row per alert, its first part, stamped with AlertTime), not from the
/// simulator's query engine.
/// </summary>
public sealed class HuntingQueryTests
{
    private const int AlertCount = 400;

    private static async Task<(SimulatedTenant Tenant, MdeSiemConnection Connection)> StartAsync(int rowLimit = 100000, bool pascalCaseSchema = false, bool endInclusive = false)
    {
        var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions
        {
            AlertCount = AlertCount,
            Seed = 73,
            Span = TimeSpan.FromHours(12),
            HuntingRowLimit = rowLimit,
            HuntingSchemaPascalCase = pascalCaseSchema,
            HuntingTimespanEndInclusive = endInclusive,
        });
        return (tenant, await GraphTenantConnection.ConnectAsync(tenant));
    }

    /// <summary>The AlertInfo rows of the tenant: (AlertId, Timestamp, Severity) of each alert's first record.</summary>
    private static List<(string AlertId, DateTime Timestamp, string Severity)> AlertInfoTruth(SimulatedTenant tenant) =>
        tenant.Batches.SelectMany(batch => batch.GetRecords())
            .Where(record => record.AlertPart == 0)
            .Select(record => (record.AlertId, DateTime.SpecifyKind(record.AlertTime, DateTimeKind.Utc), record.Severity ?? string.Empty))
            .ToList();

    private static async Task<List<HuntingRow>> RunAsync(MdeSiemConnection connection, HuntingQuery query, HuntingRunReport report)
    {
        var rows = new List<HuntingRow>();
        await foreach (var row in new HuntingQueryClient(connection).RunAsync(query, report))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_of_a_filter_equal_the_generators_alerts_typed_by_the_schema(bool pascalCaseSchema)
    {
        var (tenant, connection) = await StartAsync(pascalCaseSchema: pascalCaseSchema);
        await using var _ = tenant;
        using var __ = connection;
        var expected = AlertInfoTruth(tenant).Where(row => row.Severity == "High").OrderBy(row => row.AlertId, StringComparer.Ordinal).ToList();
        var report = new HuntingRunReport();

        var rows = await RunAsync(connection, new HuntingQuery { Query = "AlertInfo | where Severity == 'High' | project Timestamp, AlertId, Severity" }, report);

        Assert.NotEmpty(expected);
        Assert.Equal(new[] { "Timestamp", "AlertId", "Severity" }, report.Schema!.Columns.Select(column => column.Name));
        Assert.Equal(HuntingValueKind.DateTime, report.Schema.Columns[0].Kind);
        var actual = rows.Select(row => (AlertId: (string)row["AlertId"]!, Timestamp: (DateTime)row["Timestamp"]!)).OrderBy(row => row.AlertId, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(row => row.AlertId), actual.Select(row => row.AlertId));
        Assert.Equal(expected.Select(row => row.Timestamp), actual.Select(row => row.Timestamp));
        Assert.All(actual, row => Assert.Equal(DateTimeKind.Utc, row.Timestamp.Kind));
        Assert.Null(report.TryTakeCut(out var cut) ? cut : null);
    }

    [Fact]
    public async Task A_count_by_column_comes_back_as_longs_equal_to_the_generators_counts()
    {
        var (tenant, connection) = await StartAsync();
        await using var _ = tenant;
        using var __ = connection;
        var expected = AlertInfoTruth(tenant).GroupBy(row => row.Severity).ToDictionary(group => group.Key, group => (long)group.Count());

        var rows = await RunAsync(connection, new HuntingQuery { Query = "AlertInfo | summarize count() by Severity" }, new HuntingRunReport());

        Assert.Equal(expected, rows.ToDictionary(row => (string)row["Severity"]!, row => Assert.IsType<long>(row["count_"])));
    }

    [Fact]
    public async Task Dynamic_columns_are_parsed_into_name_value_pairs()
    {
        var (tenant, connection) = await StartAsync();
        await using var _ = tenant;
        using var __ = connection;
        var iocByAlert = tenant.Batches.SelectMany(batch => batch.GetRecords()).Where(record => record.AlertPart == 0).ToDictionary(record => record.AlertId, record => record.IocUniqueId);

        var rows = await RunAsync(connection, new HuntingQuery { Query = "AlertEvidence | where EntityType == \"Machine\" | project AlertId, AdditionalFields | take 20" }, new HuntingRunReport());

        Assert.Equal(20, rows.Count);
        Assert.All(rows, row =>
        {
            var fields = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(row["AdditionalFields"]);
            Assert.Equal(iocByAlert[(string)row["AlertId"]!], fields.Single(field => field.Key == "IocUniqueId").Value);
        });
    }

    [Fact]
    public async Task A_result_cut_at_the_row_limit_is_reported()
    {
        var (tenant, connection) = await StartAsync(rowLimit: 25);
        await using var _ = tenant;
        using var __ = connection;
        var report = new HuntingRunReport();

        var rows = await RunAsync(connection, new HuntingQuery { Query = "AlertInfo | project Timestamp, AlertId", RowLimit = 25 }, report);

        Assert.True(AlertInfoTruth(tenant).Count > 25);
        Assert.Equal(25, rows.Count);
        Assert.True(report.TryTakeCut(out var cut));
        Assert.Equal(ErrorCode.HuntingResultTruncated, cut!.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_split_run_returns_every_row_exactly_once_under_either_timespan_end(bool endInclusive)
    {
        var (tenant, connection) = await StartAsync(rowLimit: 25, endInclusive: endInclusive);
        await using var _ = tenant;
        using var __ = connection;
        var truth = AlertInfoTruth(tenant);
        // Windows of two hours whose first boundary falls exactly on a row's Timestamp: that row is at the end of
        // one window and the start of the next.
        var pivot = truth.OrderBy(row => row.Timestamp).ElementAt(truth.Count / 3).Timestamp;
        var start = pivot - TimeSpan.FromHours(2);
        var end = truth.Max(row => row.Timestamp).AddSeconds(1);
        var expected = truth.Where(row => row.Timestamp >= start && row.Timestamp < end).Select(row => row.AlertId).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var report = new HuntingRunReport();

        var rows = await RunAsync(connection, new HuntingQuery
        {
            Query = "AlertInfo | project Timestamp, AlertId",
            StartUtc = start,
            EndUtc = end,
            SplitBy = TimeSpan.FromHours(2),
            RowLimit = 25,
        }, report);

        Assert.True(expected.Count > 100);
        Assert.Equal(expected, rows.Select(row => (string)row["AlertId"]!).OrderBy(id => id, StringComparer.Ordinal));
        Assert.False(report.TryTakeCut(out var cut), cut?.Message);
        // Windows longer than 25 rows were halved and run again.
        Assert.True(report.Requests > (int)Math.Ceiling((end - start).TotalHours / 2));
    }

    [Theory]
    [InlineData("NoSuchTable | take 1", "NoSuchTable")]
    [InlineData("AlertInfo | where NoSuchColumn == 'x'", "NoSuchColumn")]
    [InlineData("AlertInfo | where Severity == ", "recognition error")]
    public async Task A_query_the_service_refuses_is_BadRequest_with_its_message(string query, string messagePart)
    {
        var (tenant, connection) = await StartAsync();
        await using var _ = tenant;
        using var __ = connection;

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => RunAsync(connection, new HuntingQuery { Query = query }, new HuntingRunReport()));

        Assert.Equal(ErrorCode.BadRequest, failure.Code);
        Assert.Contains(messagePart, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_filter_and_take_are_applied_by_the_service()
    {
        var (tenant, connection) = await StartAsync();
        await using var _ = tenant;
        using var __ = connection;
        var truth = AlertInfoTruth(tenant);
        var cutoff = truth.OrderBy(row => row.Timestamp).ElementAt(truth.Count / 2).Timestamp;
        var expected = truth.Count(row => row.Timestamp >= cutoff);

        var rows = await RunAsync(connection, new HuntingQuery { Query = $"AlertInfo | where Timestamp >= datetime({cutoff:yyyy-MM-ddTHH:mm:ss.fffffffZ}) | summarize count()" }, new HuntingRunReport());
        var taken = await RunAsync(connection, new HuntingQuery { Query = "AlertInfo | take 7" }, new HuntingRunReport());

        Assert.Equal(expected, (long)Assert.Single(rows)["count_"]!);
        Assert.Equal(7, taken.Count);
    }

    [Fact]
    public async Task A_query_past_the_CPU_allocation_gets_429_and_is_answered_once_the_cycle_turns()
    {
        // One query per cycle; the 15-minute cycle scaled to under a second, so the Retry-After wait is one second.
        var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 60, Seed = 5, HuntingCpuQueriesPerCycle = 1, RateLimitTimeScale = 0.0005 });
        await using var _ = tenant;
        using var connection = await GraphTenantConnection.ConnectAsync(tenant);

        var first = await RunAsync(connection, new HuntingQuery { Query = "AlertInfo | take 1" }, new HuntingRunReport());
        var second = await RunAsync(connection, new HuntingQuery { Query = "AlertInfo | take 2" }, new HuntingRunReport());

        Assert.Single(first);
        Assert.Equal(2, second.Count);
        var statuses = tenant.Requests.Where(request => request.Path == "/v1.0/security/runHuntingQuery").Select(request => request.StatusCode).ToList();
        Assert.Contains(429, statuses);
        Assert.Equal(2, statuses.Count(status => status == 200));
    }
}
