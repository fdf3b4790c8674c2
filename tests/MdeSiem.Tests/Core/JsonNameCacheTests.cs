using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Json;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>Property names found again by their bytes: always the name the reader itself reads.</summary>
public sealed class JsonNameCacheTests
{
    [Fact]
    public void Gives_every_name_as_the_reader_reads_it_however_many_names_share_the_slots()
    {
        // Far more names than slots, each twice, with escaped and non-ASCII ones among them.
        var names = Enumerable.Range(0, 2000).Select(i => i % 7 == 0 ? $"Col\\u0041{i}" : i % 11 == 0 ? $"Spalte\u00e4{i}" : $"Column{i}").ToList();
        var json = "{" + string.Join(",", names.Concat(names).Select((n, i) => $"\"{n}\":{i}")) + "}";

        var expected = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                expected.Add(reader.GetString()!);
            }
        }

        var cache = new JsonNameCache();
        var read = new List<string>();
        reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                read.Add(cache.NameOf(ref reader));
            }
        }

        Assert.Equal(4000, read.Count);
        Assert.Equal(expected, read);
        Assert.Contains("ColA7", read);
    }

    [Fact]
    public void A_repeated_name_is_the_same_string()
    {
        var bytes = Encoding.UTF8.GetBytes("[{\"AlertId\":1},{\"AlertId\":2}]");
        var reader = new Utf8JsonReader(bytes);
        var cache = new JsonNameCache();
        var seen = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                seen.Add(cache.NameOf(ref reader));
            }
        }

        Assert.Equal(new[] { "AlertId", "AlertId" }, seen);
        Assert.Same(seen[0], seen[1]);
    }
}
