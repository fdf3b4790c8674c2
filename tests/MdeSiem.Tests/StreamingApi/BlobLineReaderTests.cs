using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Tests.Core;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

public sealed class BlobLineReaderTests
{
    [Fact]
    public async Task Lines_end_at_the_byte_after_their_break_whether_LF_or_CRLF()
    {
        var text = "{\"a\":1}\r\n{\"b\":\"é\"}\n\r\n{\"c\":3}\n";
        var lines = await ReadAsync(Encoding.UTF8.GetBytes(text), startOffset: 100, final: false, chunk: 3);

        // The empty line comes out too: the offset after it must be reachable.
        Assert.Equal(new[] { "{\"a\":1}", "{\"b\":\"é\"}", string.Empty, "{\"c\":3}" }, lines.Select(l => l.Text));
        // Offsets counted by hand: 9 bytes, then 11 ("é" is two bytes), then an empty CRLF line (2), then 8.
        Assert.Equal(new long[] { 109, 120, 122, 130 }, lines.Select(l => l.End));
    }

    [Fact]
    public async Task A_final_blob_ending_in_empty_lines_or_a_lone_CR_is_read_to_its_last_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n\n\r");

        var lines = await ReadAsync(bytes, 0, final: true, chunk: 2);

        Assert.Equal(new[] { "{\"a\":1}", string.Empty, string.Empty }, lines.Select(l => l.Text));
        Assert.Equal(new long[] { 8, 9, 10 }, lines.Select(l => l.End));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4096)]
    public async Task A_byte_order_mark_at_the_blobs_start_is_not_part_of_its_first_line(int chunk)
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\":2}\n")).ToArray();

        var fromStart = await ReadAsync(bytes, 0, final: false, chunk);

        // Ordinal: a culture-aware comparison ignores U+FEFF.
        Assert.Equal(new[] { "{\"a\":1}", "{\"b\":2}" }, fromStart.Select(l => l.Text), StringComparer.Ordinal);
        Assert.Equal(new long[] { 11, 19 }, fromStart.Select(l => l.End));
    }

    [Fact]
    public async Task Bytes_like_a_byte_order_mark_past_the_blobs_start_are_left_as_they_are()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("x\n")).ToArray();

        var lines = await ReadAsync(bytes, startOffset: 50, final: false, chunk: 4096);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x' }, Encoding.UTF8.GetBytes(Assert.Single(lines).Text));
    }

    [Fact]
    public async Task A_last_line_without_its_break_waits_unless_the_blob_is_final()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\":");

        var growing = await ReadAsync(bytes, 0, final: false, chunk: 4);
        var final = await ReadAsync(bytes, 0, final: true, chunk: 4);

        Assert.Equal(new[] { "{\"a\":1}" }, growing.Select(l => l.Text));
        Assert.Equal(new[] { "{\"a\":1}", "{\"b\":" }, final.Select(l => l.Text));
        Assert.Equal(bytes.Length, final[^1].End);
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_arrives_whole()
    {
        var longValue = new string('x', 200_000);
        var text = "{\"short\":1}\n{\"long\":\"" + longValue + "\"}\n{\"after\":2}\n";
        var lines = await ReadAsync(Encoding.UTF8.GetBytes(text), 0, final: false, chunk: 7919);

        Assert.Equal(3, lines.Count);
        Assert.Equal("{\"long\":\"" + longValue + "\"}", lines[1].Text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), lines[2].End);
    }

    private static async Task<List<(string Text, long End)>> ReadAsync(byte[] bytes, long startOffset, bool final, int chunk)
    {
        var result = new List<(string, long)>();
        using var stream = new ChunkedStream(bytes, chunk);
        await foreach (var line in BlobLineReader.ReadLinesAsync(stream, startOffset, final, CancellationToken.None))
        {
            result.Add((Encoding.UTF8.GetString(line.Bytes.Span), line.EndOffset));
        }

        return result;
    }
}
