using System.Linq;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>The ConvertTo-MdeSiem* cmdlets in the hosted engine: input shapes, -FieldMap, and error ids.</summary>
public sealed class FormatCmdletTests : System.IDisposable
{
    private readonly HostedEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void A_Graph_shaped_object_is_formatted_with_the_Defender_XDR_product()
    {
        var result = _engine.Run("[pscustomobject]@{ id = 'g1'; title = 'T|1'; severity = 'low'; category = 'Execution'; createdDateTime = '2026-01-02T03:04:05Z' } | ConvertTo-MdeSiemCef");

        Assert.Empty(result.Errors);
        var parsed = CefSpecParser.Parse(Assert.Single(result.OutputOf<string>()));
        Assert.Equal(new[] { "0", "Microsoft", "Microsoft Defender XDR", "2.0", "Execution", "T|1", "3" }, parsed.Header);
        Assert.Equal("1767323045000", parsed.ExtensionMap()["rt"]);
    }

    [Fact]
    public void Field_map_script_blocks_see_the_input_as_dollar_underscore()
    {
        var result = _engine.Run("[pscustomobject]@{ AlertId = 'a1'; AlertTitle = 't'; MachineName = 'pc' } | ConvertTo-MdeSiemLeef -FieldMap @{ host = { $_.MachineName + '=x' }; alert = 'AlertId' }");

        Assert.Empty(result.Errors);
        var attributes = LeefSpecParser.Parse(Assert.Single(result.OutputOf<string>())).AttributeMap();
        Assert.Equal("pc=x", attributes["host"]);
        Assert.Equal("a1", attributes["alert"]);
    }

    [Fact]
    public void A_field_map_value_that_is_neither_a_name_nor_a_script_block_is_an_invalid_argument()
    {
        var result = _engine.Run("[pscustomobject]@{ AlertId = 'a1' } | ConvertTo-MdeSiemCef -FieldMap @{ cs1 = 42 }");

        Assert.Empty(result.Output);
        Assert.StartsWith("MdeSiem.InvalidArgument", Assert.Single(result.Errors).FullyQualifiedErrorId, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_keep_the_note_property_order_of_a_csv_row()
    {
        // Import-Csv builds the same thing: an object whose note properties are the columns, all strings.
        var result = _engine.Run("[pscustomobject][ordered]@{ b = '2'; a = '1'; c = '3' } | ConvertTo-MdeSiemJsonLine");

        Assert.Empty(result.Errors);
        Assert.Equal("{\"b\":\"2\",\"a\":\"1\",\"c\":\"3\"}", Assert.Single(result.OutputOf<string>()));
    }
}
