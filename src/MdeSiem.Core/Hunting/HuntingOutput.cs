using System.Collections.Generic;
using System.Threading.Tasks;

namespace MdeSiem.Core.Hunting;

/// <summary>The order Invoke-DefenderHuntingQuery -IncludeSchema writes in: the schema, then the rows.</summary>
public static class HuntingOutput
{
    public static async IAsyncEnumerable<object> SchemaThenRows(IAsyncEnumerable<HuntingRow> rows, HuntingRunReport report)
    {
        var schemaWritten = false;
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (!schemaWritten)
            {
                schemaWritten = true;
                yield return row.Schema;
            }

            yield return row;
        }

        // A result without rows still has its schema.
        if (!schemaWritten && report.Schema is { } schema)
        {
            yield return schema;
        }
    }
}
