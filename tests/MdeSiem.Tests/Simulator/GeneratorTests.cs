using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class GeneratorTests
{
    private static readonly DateTime End = new(2026, 3, 14, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Same_seed_gives_byte_identical_records()
    {
        var first = new SiemAlertGenerator(7, 500, End, TimeSpan.FromHours(6));
        var second = new SiemAlertGenerator(7, 500, End, TimeSpan.FromHours(6));

        Assert.Equal(Serialize(first.GetRecords()), Serialize(second.GetRecords()));
    }

    [Fact]
    public void Different_seeds_give_different_records()
    {
        var first = new SiemAlertGenerator(7, 500, End, TimeSpan.FromHours(6));
        var second = new SiemAlertGenerator(8, 500, End, TimeSpan.FromHours(6));

        Assert.Empty(first.GetRecords().Select(record => record.FullId).Intersect(second.GetRecords().Select(record => record.FullId)));
        Assert.NotEqual(first.GetRecords().Select(record => record.LastProcessedTimeUtc), second.GetRecords().Select(record => record.LastProcessedTimeUtc));
    }

    [Fact]
    public void Records_lie_in_the_span_in_non_decreasing_time_with_some_exact_ties()
    {
        var generator = new SiemAlertGenerator(1, 3000, End, TimeSpan.FromHours(6));
        DateTime[] times = generator.GetRecords().Select(record => record.LastProcessedTimeUtc).ToArray();

        Assert.All(times, time => Assert.InRange(time, End.AddHours(-6), End.AddTicks(-1)));
        Assert.All(times, time => Assert.Equal(DateTimeKind.Utc, time.Kind));
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First <= pair.Second));
        Assert.Contains(times.Zip(times.Skip(1)), pair => pair.First == pair.Second);
    }

    [Fact]
    public void An_alert_arrives_as_consecutive_parts_sharing_its_id_with_distinct_full_ids()
    {
        var generator = new SiemAlertGenerator(1, 2000, End, TimeSpan.FromHours(6));
        SiemRecord[] records = generator.GetRecords().ToArray();
        IGrouping<string, SiemRecord>[] alerts = records.GroupBy(record => record.AlertId).ToArray();

        Assert.Contains(alerts, alert => alert.Count() >= 3);
        Assert.Contains(alerts, alert => alert.Count() == 1);
        foreach (IGrouping<string, SiemRecord> alert in alerts)
        {
            Assert.Equal(Enumerable.Range(0, alert.Count()), alert.Select(record => record.AlertPart));
            Assert.Single(alert.Select(record => record.AlertTime).Distinct());
            Assert.Single(alert.Select(record => record.DeviceID).Distinct());
            Assert.All(alert, record => Assert.Equal(record.AlertId + ":" + record.IocUniqueId, record.FullId));
            Assert.All(alert, record => Assert.True(record.AlertTime < record.LastProcessedTimeUtc));
        }

        Assert.Equal(records.Length, records.Select(record => record.FullId).Distinct().Count());
        Assert.Equal(generator.GetAlertPartCount(0), alerts[0].Count());
    }

    [Fact]
    public void Records_look_like_the_service_s_with_both_nulls_and_empty_strings()
    {
        SiemRecord[] records = new SiemAlertGenerator(1, 2000, End, TimeSpan.FromHours(6)).GetRecords().ToArray();

        Assert.All(records, record => Assert.Matches("^da[0-9]{18}_[0-9]+$", record.AlertId));
        Assert.All(records, record => Assert.Equal(44, record.IocUniqueId.Length));
        Assert.All(records, record => Assert.Contains(record.Severity, new[] { "Informational", "Low", "Medium", "High" }));
        Assert.Equal(
            new[] { "Antivirus", "CustomDetection", "CustomTI", "EDR", "SmartScreen" },
            records.Select(record => record.Source).Distinct().Order().ToArray());
        Assert.Contains(records, record => record.Actor is null);
        Assert.Contains(records, record => record.Actor == "");
        Assert.Contains(records, record => record.RemediationIsSuccess == true);
        Assert.Contains(records, record => record.RemediationIsSuccess == false);
        Assert.Contains(records, record => record.RemediationIsSuccess is null);
        Assert.Contains(records, record => record.WasExecutingWhileDetected == false);
        Assert.Contains(records, record => record.MachineGroup == "");
        Assert.Contains(records, record => record.Source == "Antivirus" && record.ThreatName!.Length > 0 && record.ThreatFamily!.Length > 0);
        Assert.Contains(records, record => record.Source == "EDR" && Guid.TryParse(record.IoaDefinitionId, out _));
        Assert.Contains(records, record => record.UserName == "jürgen.müller");
        Assert.Contains(records, record => record.CommandLine is { } line && line.Contains('|', StringComparison.Ordinal) && line.Contains('=', StringComparison.Ordinal) && line.Contains('"', StringComparison.Ordinal));
        Assert.Contains(records, record => record.FilePath is { } path && path.Contains('\\', StringComparison.Ordinal));
    }

    [Fact]
    public void A_million_records_are_addressable_without_materialising_them()
    {
        var generator = new SiemAlertGenerator(3, 1_000_000, End, TimeSpan.FromDays(30));

        SiemRecord last = generator.GetRecord(999_999);
        long middle = generator.FirstIndexAtOrAfter(End.AddDays(-15));

        Assert.True(last.LastProcessedTimeUtc < End);
        Assert.InRange(middle, 499_000, 501_000);
        Assert.True(generator.GetLastProcessedTimeUtc(middle) >= End.AddDays(-15));
        Assert.True(generator.GetLastProcessedTimeUtc(middle - 1) < End.AddDays(-15));
    }

    [Fact]
    public void Time_range_enumeration_agrees_with_filtering_every_record()
    {
        var generator = new SiemAlertGenerator(5, 1500, End, TimeSpan.FromHours(2));
        DateTime since = End.AddMinutes(-75);
        DateTime until = End.AddMinutes(-20);

        Assert.Equal(Expected.FullIds(Expected.Between(generator, since, until)), Expected.FullIds(generator.GetRecords(since, until)));
    }

    private static byte[] Serialize(IEnumerable<SiemRecord> records)
    {
        using var stream = new MemoryStream();
        SiemRecordWriter.WriteArray(stream, records);
        return stream.ToArray();
    }
}
