using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using MdeSiem.Core.Forwarding;
using MdeSiem.Core.Json;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Forwarding;

/// <summary>Simulator records, read back through the module's own parser, and hand-written awkward records.</summary>
internal static class ForwardingRecords
{
    public static readonly DateTime EndTimeUtc = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Generated records paired with the MdeSiemAlert the module's parser makes of their wire form.</summary>
    public static async Task<List<(SiemRecord Record, MdeSiemAlert Alert)>> GeneratedAsync(int count)
    {
        var generator = new SiemAlertGenerator(seed: 23, count, EndTimeUtc, TimeSpan.FromDays(2));
        var records = generator.GetRecords().ToList();
        using var wire = new MemoryStream();
        SiemRecordWriter.WriteArray(wire, records);
        wire.Position = 0;
        var alerts = new List<MdeSiemAlert>();
        await foreach (var alert in JsonArrayStreamReader.ReadAsync(wire, SiemAlertParser.Parse))
        {
            alerts.Add(alert);
        }

        return records.Zip(alerts, (r, a) => (r, a)).ToList();
    }

    /// <summary>A typed object's public properties in declaration order, as PowerShell shows them.</summary>
    public static FieldSource FieldsOf(object record)
    {
        var source = new FieldSource();
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            source.Add(property.Name, property.GetValue(record));
        }

        return source;
    }

    /// <summary>Values full of the characters each format must escape.</summary>
    public static MdeSiemAlert Awkward() => new()
    {
        AlertTime = new DateTime(2026, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc),
        AlertTitle = "Pipe | backslash \\ equals = and\r\nCRLF \\| \\=",
        Category = "Cat|egory=\\",
        Severity = "Medium",
        AlertId = "da|1=2\\3",
        IoaDefinitionId = "ioa|def\\",
        MachineName = "host=name\\|",
        IpAddress = "10.0.0.1",
        Url = "http://example.test/path?a=1&b=2|3\\4",
        Sha1 = "0123456789abcdef0123456789abcdef01234567",
        Md5 = "md5=\\",
        Sha256 = "sha256\nline",
        ThreatName = "Trojan:Win32/Bad=|\\\n",
        Actor = "actor  with   spaces= key=value",
        UserName = "user\tname",
        UserDomain = "DOM\\AIN",
        FileName = "a b=c.exe",
        FilePath = "C:\\Windows\\System32\\",
        LinkToWDATP = "https://securitycenter.windows.com/alert/da|1=2",
        RemediationIsSuccess = false,
        WasExecutingWhileDetected = true,
        Source = "EDR",
        LogOnUsers = "contoso\\a; contoso\\b",
        MachineDomain = "contoso.com",
    };
}
