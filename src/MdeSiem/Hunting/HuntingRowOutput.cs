using System.Management.Automation;
using MdeSiem.Core.Hunting;
using MdeSiem.StreamingApi;

namespace MdeSiem.Hunting;

/// <summary>
/// A hunting row as PowerShell shows it: one property per schema column, in the schema's order and typed by it,
/// dynamic values as objects with properties (as ConvertFrom-Json makes them), so Export-Csv and ConvertTo-Json see
/// the columns as the query projected them.
/// </summary>
internal static class HuntingRowOutput
{
    public const string TypeName = "MdeSiem.HuntingRow";

    public static object From(object item)
    {
        if (item is not HuntingRow row)
        {
            return item;
        }

        var output = new PSObject();
        output.TypeNames.Insert(0, TypeName);
        for (var i = 0; i < row.Schema.Columns.Count; i++)
        {
            var name = row.Schema.Columns[i].Name;
            if (output.Properties[name] is null)
            {
                output.Properties.Add(new PSNoteProperty(name, StreamEventOutput.ToPowerShell(row.Values[i])));
            }
        }

        foreach (var extra in row.Extra)
        {
            if (output.Properties[extra.Key] is null)
            {
                output.Properties.Add(new PSNoteProperty(extra.Key, StreamEventOutput.ToPowerShell(extra.Value)));
            }
        }

        return output;
    }
}
