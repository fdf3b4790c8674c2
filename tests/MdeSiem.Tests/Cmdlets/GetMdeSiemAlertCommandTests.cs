using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// Every query parameter of Get-MdeSiemAlert in the hosted engine against the simulated tenant. Expected sets are
/// computed from the simulator's generator, never from what the module returned.
/// </summary>
public sealed class GetMdeSiemAlertCommandTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public GetMdeSiemAlertCommandTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
        _engine.ConnectTo(_tenant);
    }

    public void Dispose() => _engine.Dispose();

    private List<MdeSiemAlert> Pull(string parameters, params (string Name, object? Value)[] variables)
    {
        var result = _engine.Run("Get-MdeSiemAlert -WarningAction SilentlyContinue " + parameters, variables);
        Assert.Empty(result.Errors);
        return result.OutputOf<MdeSiemAlert>().ToList();
    }

    private IEnumerable<SiemRecord> Generated => _tenant.Generator.GetRecords();

    /// <summary>A time inside the generated span, by the generator's own clock.</summary>
    private DateTime SpanPoint(double fraction) =>
        _tenant.Generator.StartTimeUtc + TimeSpan.FromTicks((long)(_tenant.Generator.Span.Ticks * fraction));

    [Fact]
    public void Since_and_until_return_exactly_the_generated_records_of_the_window_field_by_field()
    {
        var since = SpanPoint(0.2);
        var until = SpanPoint(0.45);
        var expected = Generated.Where(r => r.LastProcessedTimeUtc >= since && r.LastProcessedTimeUtc < until).ToList();

        var pulled = Pull("-SinceTimeUtc $since -UntilTimeUtc $until", ("since", since), ("until", until));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => r.FullId), pulled.Select(a => a.FullId));
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameFields(expected[i], pulled[i]);
        }
    }

    [Fact]
    public void No_time_parameter_returns_the_last_two_hours()
    {
        var before = DateTime.UtcNow;
        var pulled = Pull(string.Empty);
        var after = DateTime.UtcNow;

        // Records well inside the window must all be there; nothing may be older than the window.
        var surelyInside = Generated.Where(r => r.LastProcessedTimeUtc >= after.AddHours(-2)).Select(r => r.FullId);
        Assert.True(surelyInside.ToHashSet().IsSubsetOf(pulled.Select(a => a.FullId!)), "a record inside the window is missing");
        Assert.All(pulled, a => Assert.True(a.LastProcessedTimeUtc >= before.AddHours(-2)));
        Assert.True(pulled.Count < _tenant.Generator.Count);
    }

    [Fact]
    public void Ago_is_sent_as_an_ISO_duration_and_returns_that_window()
    {
        _tenant.ClearRequests();
        var pulled = Pull("-Ago ([TimeSpan]::FromHours(3))");
        var after = DateTime.UtcNow;

        Assert.Contains(_tenant.Requests, r => r.Path.StartsWith("/api/alerts", StringComparison.Ordinal) && r.QueryString == "?ago=PT3H");
        var surelyInside = Generated.Where(r => r.LastProcessedTimeUtc >= after.AddHours(-3)).Select(r => r.FullId);
        Assert.True(surelyInside.ToHashSet().IsSubsetOf(pulled.Select(a => a.FullId!)), "a record inside the window is missing");
        Assert.True(pulled.Count > Generated.Count(r => r.LastProcessedTimeUtc >= after.AddHours(-2)));
    }

    [Fact]
    public void Limit_keeps_the_most_recent_records_of_the_window()
    {
        var since = SpanPoint(0.0);
        var until = SpanPoint(0.5);
        var expected = Generated.Where(r => r.LastProcessedTimeUtc >= since && r.LastProcessedTimeUtc < until)
            .OrderBy(r => r.LastProcessedTimeUtc).TakeLast(25).Select(r => r.FullId).ToHashSet();

        var pulled = Pull("-SinceTimeUtc $since -UntilTimeUtc $until -Limit 25", ("since", since), ("until", until));

        Assert.Equal(25, pulled.Count);
        Assert.Equal(expected, pulled.Select(a => a.FullId!).ToHashSet());
    }

    [Fact]
    public void MachineGroup_sends_each_group_and_returns_only_their_records()
    {
        var groups = Generated.Select(r => r.MachineGroup).Where(g => !string.IsNullOrEmpty(g)).Distinct().Take(2).ToArray();
        Assert.Equal(2, groups.Length);
        var since = SpanPoint(0.0);
        var expected = Generated.Where(r => groups.Contains(r.MachineGroup, StringComparer.OrdinalIgnoreCase)).Select(r => r.FullId).ToList();

        _tenant.ClearRequests();
        var pulled = Pull("-SinceTimeUtc $since -MachineGroup $groups", ("since", since), ("groups", groups));

        Assert.Equal(expected, pulled.Select(a => a.FullId));
        var query = _tenant.Requests.Last(r => r.Path.StartsWith("/api/alerts", StringComparison.Ordinal)).QueryString;
        Assert.Contains("machinegroups=" + Uri.EscapeDataString(groups[0]!), query, StringComparison.Ordinal);
        Assert.Contains("machinegroups=" + Uri.EscapeDataString(groups[1]!), query, StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceCreatedMachineTag_returns_only_records_of_devices_with_that_tag()
    {
        var tag = Generated.Select(r => r.DeviceCreatedMachineTags).First(t => !string.IsNullOrEmpty(t))!;
        var since = SpanPoint(0.0);
        var expected = Generated.Where(r => string.Equals(r.DeviceCreatedMachineTags, tag, StringComparison.OrdinalIgnoreCase)).Select(r => r.FullId).ToList();

        var pulled = Pull("-SinceTimeUtc $since -DeviceCreatedMachineTag $tag", ("since", since), ("tag", tag));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, pulled.Select(a => a.FullId));
    }

    [Fact]
    public void CloudCreatedMachineTag_returns_only_records_of_devices_carrying_that_tag()
    {
        var tag = Generated.Select(r => r.CloudCreatedMachineTags).First(t => !string.IsNullOrEmpty(t))!.Split(',')[0].Trim();
        var since = SpanPoint(0.0);
        var expected = Generated
            .Where(r => (r.CloudCreatedMachineTags ?? string.Empty).Split(',').Select(t => t.Trim()).Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Select(r => r.FullId).ToList();

        var pulled = Pull("-SinceTimeUtc $since -CloudCreatedMachineTag $tag", ("since", since), ("tag", tag));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, pulled.Select(a => a.FullId));
    }

    [Fact]
    public void Several_records_of_one_alert_arrive_with_distinct_full_ids()
    {
        var pulled = Pull("-SinceTimeUtc $since", ("since", SpanPoint(0.0)));
        var multiPart = pulled.GroupBy(a => a.AlertId).First(g => g.Count() > 1);
        Assert.Equal(multiPart.Count(), multiPart.Select(a => a.FullId).Distinct().Count());
        Assert.All(multiPart, a => Assert.Equal(a.AlertId + ":" + a.IocUniqueId, a.FullId));
    }

    [Fact]
    public void A_pull_reports_progress_in_records_and_completes_it()
    {
        var result = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc $since -WarningAction SilentlyContinue", ("since", SpanPoint(0.0)));

        Assert.Empty(result.Errors);
        var progress = result.Streams.Progress.ToList();
        Assert.NotEmpty(progress);
        Assert.Contains("records", progress[0].StatusDescription, StringComparison.Ordinal);
        Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, progress[^1].RecordType);
        Assert.Contains(_tenant.Generator.Count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), progress[^1].StatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deprecation_warning_is_written_once_per_session()
    {
        using var engine = new HostedEngine();
        engine.ConnectTo(_tenant);
        var first = engine.Run("Get-MdeSiemAlert -Limit 1");
        var second = engine.Run("Get-MdeSiemAlert -Limit 1");
        Assert.Contains(first.Warnings, w => w.Contains("Get-DefenderAlert", StringComparison.Ordinal));
        Assert.Empty(second.Warnings);
    }

    /// <summary>Every field the simulator generated equals the module's, with the documented "" to null rule.</summary>
    private static void AssertSameFields(SiemRecord expected, MdeSiemAlert actual)
    {
        foreach (var property in typeof(SiemRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var target = typeof(MdeSiemAlert).GetProperty(property.Name);
            Assert.True(target is not null, $"MdeSiemAlert has no property {property.Name}");
            var want = property.GetValue(expected);
            if (want is string text && text.Length == 0)
            {
                want = null;
            }

            var got = target!.GetValue(actual);
            if (got is DateTime time)
            {
                Assert.Equal(DateTimeKind.Utc, time.Kind);
            }

            Assert.True(Equals(Unwrap(want), Unwrap(got)), $"{expected.FullId}.{property.Name}: expected '{want}', got '{got}'");
        }
    }

    private static object? Unwrap(object? value) => value switch
    {
        int number => (long)number,
        _ => value,
    };
}
