using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;
using Xunit;

namespace MdeSiem.Tests.Core;

public class JsonArrayStreamReaderTests
{
    private static readonly JsonElementParser<string> ReadId = (ref Utf8JsonReader reader, out string id) =>
    {
        id = string.Empty;
        var probe = reader;
        if (!probe.TrySkip())
        {
            return false;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        id = document.RootElement.GetProperty("id").GetString()!;
        return true;
    };

    private static async Task<List<string>> ReadAll(Stream stream)
    {
        var items = new List<string>();
        await foreach (var item in JsonArrayStreamReader.ReadAsync(stream, ReadId))
        {
            items.Add(item);
        }

        return items;
    }

    private static byte[] ArrayOf(IEnumerable<string> ids, string padding = "") =>
        Encoding.UTF8.GetBytes("[" + string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"pad\":\"{padding}\"}}")) + "]");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Elements_split_across_reads_all_arrive_in_order(int chunkSize)
    {
        var ids = Enumerable.Range(0, 500).Select(i => "a" + i).ToList();
        var items = await ReadAll(new ChunkedStream(ArrayOf(ids), chunkSize));
        Assert.Equal(ids, items);
    }

    [Fact]
    public async Task An_element_larger_than_the_buffer_is_read_whole()
    {
        var padding = new string('x', 300_000);
        var ids = new[] { "first", "big", "last" };
        var items = await ReadAll(new ChunkedStream(ArrayOf(ids, padding), 10_000));
        Assert.Equal(ids, items);
    }

    [Fact]
    public async Task Items_are_handed_out_before_the_stream_ends()
    {
        // A stream that fails after the first element: the first must already have been yielded.
        var data = Encoding.UTF8.GetBytes("[{\"id\":\"one\"},{\"id\":\"two\"}");
        var seen = new List<string>();
        var failure = await Assert.ThrowsAsync<MdeSiemException>(async () =>
        {
            await foreach (var item in JsonArrayStreamReader.ReadAsync(new ChunkedStream(data, 3), ReadId))
            {
                seen.Add(item);
            }
        });
        Assert.Equal(ErrorCode.IncompleteResponse, failure.Code);
        Assert.Equal(new[] { "one", "two" }, seen);
    }

    [Fact]
    public async Task A_truncated_element_is_an_incomplete_response_not_a_partial_record()
    {
        var data = Encoding.UTF8.GetBytes("[{\"id\":\"one\"},{\"id\":\"tw");
        var seen = new List<string>();
        var failure = await Assert.ThrowsAsync<MdeSiemException>(async () =>
        {
            await foreach (var item in JsonArrayStreamReader.ReadAsync(new MemoryStream(data), ReadId))
            {
                seen.Add(item);
            }
        });
        Assert.Equal(ErrorCode.IncompleteResponse, failure.Code);
        Assert.Equal(new[] { "one" }, seen);
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"x\"}}")]
    [InlineData("<html>proxy</html>")]
    public async Task A_body_that_is_not_a_json_array_is_an_invalid_response(string body)
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(body))));
        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }

    [Fact]
    public async Task An_empty_body_is_an_incomplete_response()
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadAll(new MemoryStream(Array.Empty<byte>())));
        Assert.Equal(ErrorCode.IncompleteResponse, failure.Code);
    }

    [Fact]
    public async Task An_empty_array_yields_nothing()
    {
        Assert.Empty(await ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(" [ ] "))));
    }
}
