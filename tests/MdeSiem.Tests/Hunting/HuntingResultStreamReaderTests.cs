using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Hunting;
using Xunit;

namespace MdeSiem.Tests.Hunting;

/// <summary>
/// A huntingQueryResults body read as its bytes arrive, a few at a time: rows typed by the schema whether it comes
/// before or after them, values that do not fit their column kept as sent, dynamic text parsed only when it is JSON.
/// Expected values are written out by hand from the body.
/// </summary>
public sealed class HuntingResultStreamReaderTests
{
    private const string Schema = """
        "schema":[{"name":"Timestamp","type":"DateTime"},{"name":"Count","type":"Int64"},{"name":"Small","type":"Int32"},
        {"name":"Flag","type":"Boolean"},{"name":"Ratio","type":"Double"},{"name":"Id","type":"Guid"},
        {"name":"Took","type":"TimeSpan"},{"name":"Bag","type":"Dynamic"},{"name":"Name","type":"String"}]
        """;

    private const string Rows = """
        "results":[
        {"Timestamp":"2026-12-03T07:00:00.5Z","Count":42,"Small":"7","Flag":1,"Ratio":"0.25","Id":"6f1c4f2e-8a0b-4c57-9d3e-2b7a9e1c5d40",
         "Took":"00:01:30","Bag":"{\"a\":[1,\"x\"],\"b\":{\"c\":true}}","Name":"caf\u00e9 \"q\"","Unlisted":{"n":1.5}},
        {"Timestamp":null,"Count":"not a number","Small":3000000000,"Flag":"false","Ratio":2,"Id":"nope",
         "Took":5,"Bag":"{not json","Name":17},
        {"Bag":{"nested":[1,2]},"Name":null}
        ]
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rows_are_typed_by_the_schema_whether_it_comes_first_or_last(bool schemaFirst)
    {
        var body = "{" + (schemaFirst ? Schema + "," + Rows : Rows + "," + Schema) + "}";
        HuntingSchema? announced = null;

        var rows = await ReadAsync(body, schema => announced = schema);

        Assert.Equal("Timestamp, Count, Small, Flag, Ratio, Id, Took, Bag, Name", announced!.ColumnNames);
        Assert.Equal(3, rows.Count);

        var first = rows[0];
        Assert.Equal(new DateTime(2026, 12, 3, 7, 0, 0, 500, DateTimeKind.Utc), first["Timestamp"]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)first["Timestamp"]!).Kind);
        Assert.Equal(42L, first["Count"]);
        Assert.Equal(7, first["Small"]);
        Assert.Equal(true, first["Flag"]);
        Assert.Equal(0.25, first["Ratio"]);
        Assert.Equal(Guid.Parse("6f1c4f2e-8a0b-4c57-9d3e-2b7a9e1c5d40"), first["Id"]);
        Assert.Equal(TimeSpan.FromSeconds(90), first["Took"]);
        var bag = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(first["Bag"]);
        Assert.Equal(new object?[] { 1L, "x" }, Assert.IsType<object?[]>(bag.Single(p => p.Key == "a").Value));
        Assert.Equal(true, Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(bag.Single(p => p.Key == "b").Value).Single().Value);
        Assert.Equal("caf\u00e9 \"q\"", first["Name"]);
        var unlisted = Assert.Single(first.Extra);
        Assert.Equal("Unlisted", unlisted.Key);
        Assert.Equal(1.5, Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(unlisted.Value).Single().Value);

        // Values that do not read as their column's type are kept as the service sent them.
        var second = rows[1];
        Assert.Null(second["Timestamp"]);
        Assert.Equal("not a number", second["Count"]);
        Assert.Equal(3000000000L, second["Small"]);
        Assert.Equal(false, second["Flag"]);
        Assert.Equal(2.0, second["Ratio"]);
        Assert.Equal("nope", second["Id"]);
        Assert.Equal(5L, second["Took"]);
        Assert.Equal("{not json", second["Bag"]);
        Assert.Equal("17", second["Name"]);

        var third = rows[2];
        var nested = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(third["Bag"]);
        Assert.Equal(new object?[] { 1L, 2L }, Assert.IsType<object?[]>(nested.Single().Value));
        Assert.Null(third["Name"]);
        Assert.Null(third["Count"]);
    }

    [Fact]
    public async Task Dynamic_text_with_something_after_its_json_stays_text()
    {
        var body = """{"schema":[{"Name":"Bag","Type":"dynamic"}],"results":[{"Bag":"[1] trailing"},{"Bag":" [1, 2] "}]}""";

        var rows = await ReadAsync(body, _ => { });

        Assert.Equal("[1] trailing", rows[0]["Bag"]);
        Assert.Equal(new object?[] { 1L, 2L }, rows[1]["Bag"]);
    }

    [Fact]
    public async Task Rows_without_any_schema_take_their_own_names_as_dynamic_columns()
    {
        var body = """{"results":[{"A":1,"B":"x"},{"B":"y","C":[true]}]}""";
        HuntingSchema? announced = null;

        var rows = await ReadAsync(body, schema => announced = schema);

        Assert.Equal("A, B, C", announced!.ColumnNames);
        Assert.Equal(1L, rows[0]["A"]);
        Assert.Equal("y", rows[1]["B"]);
        Assert.Equal(new object?[] { true }, rows[1]["C"]);
    }

    [Theory]
    [InlineData("""{"schema":[{"name":"A","type":"string"}],"results":[{"A":"x"},42]}""")]
    [InlineData("""{"results":["row"],"schema":[{"name":"A","type":"string"}]}""")]
    public async Task A_row_that_is_not_an_object_is_an_invalid_response(string body)
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadAsync(body, _ => { }));

        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
        Assert.Contains("not a JSON object", failure.Message);
    }

    private static async Task<List<HuntingRow>> ReadAsync(string body, Action<HuntingSchema> onSchema)
    {
        var rows = new List<HuntingRow>();
        await foreach (var row in HuntingResultStreamReader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(body)), onSchema, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Hands out its bytes seven at a time, so rows and values are cut across reads.</summary>
    private sealed class TrickleStream : MemoryStream
    {
        public TrickleStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 7), cancellationToken);
    }
}
