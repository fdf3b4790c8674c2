using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Mapping;

/// <summary>
/// Every row of the table in docs/siem-to-graph-mapping.md, checked against the converter: a -> row's SIEM value
/// shows up at the Graph property the row names, an X row's value is reported as unmapped. The samples below say what
/// value to set and what the table's wording means it becomes in Graph (written from the table, not from the code).
/// </summary>
public sealed class MappingTableTests
{
    private const string Sha1 = "4a5ee3eb4d3e2d8f77a1d0c8f1a2b3c4d5e6f708";
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /// <summary>SIEM field -> (value to set as an export would hold it, the Graph value the row promises, other fields the row needs).</summary>
    private static readonly Dictionary<string, Sample> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AlertTime"] = new("2026-03-04T05:06:07Z", "2026-03-04T05:06:07.0000000Z"),
        ["ComputerDnsName"] = new("ws-1.contoso.example", "ws-1.contoso.example"),
        ["AlertTitle"] = new("Suspicious PowerShell", "Suspicious PowerShell"),
        ["Category"] = new("Execution", "Execution"),
        ["Severity"] = new("High", "high"),
        ["AlertId"] = new("da637000000000000001_-1", "da637000000000000001_-1"),
        ["Actor"] = new("STRONTIUM", "STRONTIUM"),
        ["LinkToWDATP"] = new("https://securitycenter.windows.com/alert/x1", "https://securitycenter.windows.com/alert/x1"),
        ["IocName"] = new("Sha1", "Sha1"),
        ["IocValue"] = new(Sha1, Sha1),
        ["CreatorIocName"] = new("Sha1", "Sha1"),
        ["CreatorIocValue"] = new(Sha1, Sha1),
        ["Sha1"] = new(Sha1, Sha1),
        ["FileName"] = new("evil.exe", "evil.exe"),
        ["FilePath"] = new(@"C:\Temp", @"C:\Temp"),
        ["IPAddress"] = new("203.0.113.7", "203.0.113.7"),
        ["URL"] = new("http://bad.example/x", "http://bad.example/x"),
        ["IoaDefinitionId"] = new("7f1c3609-a3ff-40e2-995b-c01770161d68", "7f1c3609-a3ff-40e2-995b-c01770161d68"),
        ["UserName"] = new("alice", "alice"),
        ["AlertPart"] = new("3", "3"),
        ["FullId"] = new("da1:abc", "da1:abc"),
        ["LastProcessedTimeUtc"] = new("2026-03-04T06:00:00Z", "2026-03-04T06:00:00.0000000Z"),
        ["ThreatCategory"] = new("Trojan", "Trojan"),
        ["ThreatFamilyName"] = new("Emotet", "Emotet"),
        ["ThreatName"] = new("Trojan:Win32/Emotet", "Trojan:Win32/Emotet"),
        ["RemediationAction"] = new("quarantine", "remediated", ("RemediationIsSuccess", "True")), // an action and its result
        ["RemediationIsSuccess"] = new("True", "remediated", ("RemediationAction", "quarantine")),
        ["Source"] = new("SmartScreen", "smartScreen"),
        ["Md5"] = new("d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e"),
        ["Sha256"] = new(Sha256, Sha256),
        ["WasExecutingWhileDetected"] = new("True", "detected", ("CommandLine", "evil.exe -x")),
        ["UserDomain"] = new("CONTOSO", "CONTOSO", ("UserName", "bob")),
        ["LogOnUsers"] = new(@"CONTOSO\carol", "carol"),
        ["MachineDomain"] = new("corp.example", "corp.example", ("MachineName", "ws-9")),
        ["MachineName"] = new("ws-9", "ws-9"),
        ["InternalIPV4List"] = new("10.0.0.4", "10.0.0.4"),
        ["InternalIPV6List"] = new("fe80::1", "fe80::1"),
        ["FileHash"] = new(Sha1, Sha1, ("Sha1", ""), ("Sha256", "")),
        ["DeviceID"] = new("1e5bc9d7e413ddd7902c2932e418702b84d0cc07", "1e5bc9d7e413ddd7902c2932e418702b84d0cc07"),
        ["MachineGroup"] = new("R&D Machines", "R&D Machines"),
        ["Description"] = new("A process did something.", "A process did something."),
        ["DeviceCreatedMachineTags"] = new("Finance", "Finance"),
        ["CloudCreatedMachineTags"] = new("Tier0,EU", "EU"),
        ["CommandLine"] = new("powershell -enc AAAA", "powershell -enc AAAA"),
        ["IncidentLinkToWDATP"] = new("https://securitycenter.windows.com/incidents/1", "https://securitycenter.windows.com/incidents/1"),
        ["ReportId"] = new("1053729833", "1053729833"),
        ["LinkToMTP"] = new("https://security.microsoft.com/alerts/x1", "https://security.microsoft.com/alerts/x1"),
        ["IncidentLinkToMTP"] = new("https://security.microsoft.com/incidents/1", "https://security.microsoft.com/incidents/1"),
        ["ExternalId"] = new("A1B2C3", "A1B2C3"),
        ["IocUniqueId"] = new("zZ09", "zZ09"),
    };

    public static IEnumerable<object[]> MappedRows() =>
        MappingTableDocument.Read().Where(row => row.IsMapped).Select(row => new object[] { row.SiemField });

    public static IEnumerable<object[]> UnmappedRows() =>
        MappingTableDocument.Read().Where(row => !row.IsMapped).Select(row => new object[] { row.SiemField });

    [Fact]
    public void The_table_has_every_row_of_the_migration_guide()
    {
        var rows = MappingTableDocument.Read();

        Assert.Equal(50, rows.Count);
        Assert.Equal(12, rows.Count(row => !row.IsMapped));
    }

    [Theory]
    [MemberData(nameof(MappedRows))]
    public void A_mapped_row_puts_the_SIEM_value_at_the_Graph_property_it_names(string siemField)
    {
        var row = MappingTableDocument.Read().Single(r => r.SiemField == siemField);
        var sample = SampleFor(siemField);
        var record = RecordWith(siemField, sample);

        var alert = SiemToGraphMapper.Map(new[] { record }).Alert;

        var found = row.Paths.SelectMany(path => GraphPathWalker.LeavesAt(alert, path)).ToList();
        Assert.True(
            row.IsPartOfTarget ? found.Any(leaf => leaf.Contains(sample.Graph)) : found.Contains(sample.Graph),
            $"{siemField} -> {row.GraphTarget}: expected '{sample.Graph}', found [{string.Join(", ", found)}]");
        Assert.False(SiemToGraphMapper.Map(new[] { record }).UnmappedFields.ContainsKey(siemField), $"{siemField} is mapped but was reported as unmapped.");
    }

    [Theory]
    [MemberData(nameof(UnmappedRows))]
    public void An_X_row_is_reported_as_unmapped_with_its_value(string siemField)
    {
        var sample = SampleFor(siemField);
        var record = RecordWith(siemField, sample);

        var unmapped = SiemToGraphMapper.Map(new[] { record }).UnmappedFields;

        Assert.True(unmapped.TryGetValue(siemField, out var value), $"{siemField} was not reported.");
        Assert.Equal(sample.Graph, Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Only_X_rows_are_reported_and_every_record_property_has_a_row()
    {
        var rows = MappingTableDocument.Read();
        var record = Baseline();
        foreach (var row in rows)
        {
            SiemRecordReader.Set(record, row.SiemField, SampleFor(row.SiemField).Siem);
        }

        var unmapped = SiemToGraphMapper.Map(new[] { record }).UnmappedFields;

        Assert.Equal(
            rows.Where(row => !row.IsMapped).Select(row => row.SiemField.ToUpperInvariant()).OrderBy(name => name),
            unmapped.Keys.Select(name => name.ToUpperInvariant()).OrderBy(name => name));

        // The table says ThreatFamilyName for the API's ThreatFamily field.
        var tableNames = new HashSet<string>(rows.Select(row => row.SiemField == "ThreatFamilyName" ? "ThreatFamily" : row.SiemField), StringComparer.OrdinalIgnoreCase);
        var missing = typeof(MdeSiemAlert).GetProperties().Select(p => p.Name).Where(name => !tableNames.Contains(name)).ToList();
        Assert.Empty(missing);
    }

    private static Sample SampleFor(string siemField) =>
        Samples.TryGetValue(siemField, out var sample)
            ? sample
            : throw new InvalidOperationException($"The table has a row {siemField} that this test has no sample for: add one.");

    private static MdeSiemAlert RecordWith(string siemField, Sample sample)
    {
        var record = Baseline();
        foreach (var (name, value) in sample.Needs)
        {
            record = With(record, name, value);
        }

        return With(record, siemField, sample.Siem);
    }

    private static MdeSiemAlert With(MdeSiemAlert record, string name, string value)
    {
        if (value.Length == 0)
        {
            typeof(MdeSiemAlert).GetProperty(name)!.SetValue(record, null);
        }
        else
        {
            SiemRecordReader.Set(record, name, value);
        }

        return record;
    }

    /// <summary>The least a record has: an id, its times, and a named file (so file evidence exists for the file rows).</summary>
    private static MdeSiemAlert Baseline() => new()
    {
        AlertId = "da637999999999999999_1",
        AlertTime = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        LastProcessedTimeUtc = new DateTime(2026, 3, 1, 0, 5, 0, DateTimeKind.Utc),
        FileName = "base.exe",
        Sha1 = "0000000000000000000000000000000000000001",
    };

    private sealed record Sample(string Siem, string Graph, params (string Name, string Value)[] Needs);
}
