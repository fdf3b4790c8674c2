using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>
/// Mutated SIEM bodies (bit flips, truncation, wrong types, huge strings, deep nesting) fed to the streaming parser:
/// whatever the bytes, the only failure that may escape is the module's own <see cref="MdeSiemException"/>.
/// Deterministic: the same seed gives the same cases.
/// </summary>
public class SiemParserFuzzTests
{
    private const int CasesPerMutation = 2000;

    private static readonly byte[] Seed = MakeSeedBody();

    private static byte[] MakeSeedBody()
    {
        var generator = new SiemAlertGenerator(3, 6, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));
        using var buffer = new MemoryStream();
        SiemRecordWriter.WriteArray(buffer, generator.GetRecords());
        return buffer.ToArray();
    }

    public static TheoryData<string> Mutations() => new() { "bitflip", "truncate", "wrongtype", "hugestring", "nesting" };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutated_bodies_end_in_records_or_the_modules_own_error(string mutation)
    {
        // Not string.GetHashCode: it is randomised per process, which made the cases differ from run to run.
        var random = new Random(Array.IndexOf(new[] { "bitflip", "truncate", "wrongtype", "hugestring", "nesting" }, mutation) + 1);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < CasesPerMutation; i++)
        {
            var body = Mutate(mutation, random);
            var outcome = await Parse(body, chunkSize: 1 + random.Next(8192));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // Every case ended in one of the two allowed ways (Parse rethrows anything else and fails the test).
        Assert.Equal(CasesPerMutation, outcomes.Values.Sum());
    }

    private static async Task<string> Parse(byte[] body, int chunkSize)
    {
        try
        {
            var count = 0;
            await foreach (var record in JsonArrayStreamReader.ReadAsync(new ChunkedStream(body, chunkSize), SiemAlertParser.Parse))
            {
                Assert.NotNull(record);
                count++;
            }

            return "parsed";
        }
        catch (MdeSiemException exception)
        {
            return exception.Code.ToString();
        }
    }

    private static byte[] Mutate(string mutation, Random random)
    {
        switch (mutation)
        {
            case "bitflip":
            {
                var copy = (byte[])Seed.Clone();
                for (var flips = 1 + random.Next(8); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            }

            case "truncate":
                return Seed.Take(random.Next(Seed.Length)).ToArray();

            case "wrongtype":
                return ReplaceValue(random, new[] { "{}", "[]", "123456789012345678901234567890", "-1.5e308", "true", "null", "\"\"", "[{\"a\":[1,{\"b\":null}]}]", "\"not-a-date\"" }[random.Next(9)]);

            case "hugestring":
                return ReplaceValue(random, "\"" + new string((char)('a' + random.Next(26)), 50_000 + random.Next(200_000)) + "\"");

            default:
                var depth = 1 + random.Next(200);
                return ReplaceValue(random, new string('[', depth) + new string(']', depth));
        }
    }

    /// <summary>Replaces the value of one randomly chosen field of the seed body with <paramref name="value"/>.</summary>
    private static byte[] ReplaceValue(Random random, string value)
    {
        var text = Encoding.UTF8.GetString(Seed);
        var fieldStarts = new List<int>();
        for (var index = text.IndexOf("\":", StringComparison.Ordinal); index >= 0; index = text.IndexOf("\":", index + 2, StringComparison.Ordinal))
        {
            fieldStarts.Add(index + 2);
        }

        var start = fieldStarts[random.Next(fieldStarts.Count)];
        var end = start;
        if (text[end] == '"')
        {
            end++;
            while (text[end] != '"' || text[end - 1] == '\\')
            {
                end++;
            }

            end++;
        }
        else
        {
            while (text[end] != ',' && text[end] != '}')
            {
                end++;
            }
        }

        return Encoding.UTF8.GetBytes(text.Substring(0, start) + value + text.Substring(end));
    }
}
