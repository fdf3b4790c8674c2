using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Json;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>Names and values found again by their bytes: always the string the reader itself reads.</summary>
public sealed class JsonStringCacheTests
{
    [Fact]
    public void Gives_every_name_as_the_reader_reads_it_however_many_names_share_the_slots()
    {
        // Far more names than slots, each twice, with escaped and non-ASCII ones among them.
        var names = Enumerable.Range(0, 2000).Select(i => i % 7 == 0 ? $"Col\\u0041{i}" : i % 11 == 0 ? $"Spalte\u00e4{i}" : $"Column{i}").ToList();
        var json = "{" + string.Join(",", names.Concat(names).Select((n, i) => $"\"{n}\":{i}")) + "}";

        var (expected, read) = ReadBothWays(json, JsonTokenType.PropertyName);

        Assert.Equal(4000, read.Count);
        Assert.Equal(expected, read);
        Assert.Contains("ColA7", read);
    }

    [Fact]
    public void Gives_every_value_as_the_reader_reads_it_escaped_long_and_short()
    {
        // Values that repeat, escaped ones (the same escaped bytes are the same string), short ones, and values
        // longer than the cache keeps.
        var values = new[]
        {
            "High", "Medium", "[\\\"Malware\\\"]", "C:\\\\Windows\\\\System32", "caf\\u00e9", "\u00fcber", "", "a", "ab",
            new string('x', JsonStringCache.MaxCachedLength), new string('y', JsonStringCache.MaxCachedLength + 1),
        };
        var json = "[" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"{values[i % values.Length]}\"")) + "]";

        var (expected, read) = ReadBothWays(json, JsonTokenType.String);

        Assert.Equal(500, read.Count);
        Assert.Equal(expected, read);
        Assert.Contains("[\"Malware\"]", read);
        Assert.Contains("caf\u00e9", read);
    }

    [Fact]
    public void A_repeated_name_is_the_same_string()
    {
        var seen = ReadWithOneCache("[{\"AlertId\":1},{\"AlertId\":2}]", JsonTokenType.PropertyName);

        Assert.Equal(new[] { "AlertId", "AlertId" }, seen);
        Assert.Same(seen[0], seen[1]);
    }

    [Fact]
    public void Every_column_name_of_a_record_is_kept_when_records_repeat()
    {
        // The AlertEvidence columns as the Streaming API sends them: each name read from the second record on
        // must be the string read for it before (two of them shared a slot under a one-slot cache and never were).
        var columns = new[]
        {
            "time", "tenantId", "operationName", "category", "properties", "Timestamp", "AlertId", "Title", "Categories",
            "AttackTechniques", "ServiceSource", "DetectionSource", "EntityType", "EvidenceRole", "EvidenceDirection",
            "Severity", "AdditionalFields", "DeviceId", "DeviceName", "FileName", "FolderPath", "SHA1", "SHA256", "FileSize",
            "ThreatFamily", "ProcessCommandLine", "RemoteIP", "RemoteUrl", "AccountName", "AccountDomain", "AccountSid",
            "AccountObjectId", "AccountUpn", "LocalIP", "NetworkMessageId", "EmailSubject", "Application", "ApplicationId",
            "OAuthApplicationId", "RegistryKey", "RegistryValueName", "RegistryValueData", "CloudResource", "CloudPlatform",
            "ResourceType", "ResourceID", "SubscriptionId",
        };
        var record = "{" + string.Join(",", columns.Select(c => $"\"{c}\":0")) + "}";

        var seen = ReadWithOneCache("[" + record + "," + record + "]", JsonTokenType.PropertyName);

        Assert.Equal(columns.Concat(columns), seen);
        for (var i = 0; i < columns.Length; i++)
        {
            Assert.Same(seen[i], seen[columns.Length + i]);
        }
    }

    private static List<string> ReadWithOneCache(string json, JsonTokenType tokenType)
    {
        var cache = new JsonStringCache();
        var seen = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == tokenType)
            {
                seen.Add(cache.StringOf(ref reader));
            }
        }

        return seen;
    }

    private static (List<string> Expected, List<string> Read) ReadBothWays(string json, JsonTokenType tokenType)
    {
        var expected = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == tokenType)
            {
                expected.Add(reader.GetString()!);
            }
        }

        return (expected, ReadWithOneCache(json, tokenType));
    }
}
