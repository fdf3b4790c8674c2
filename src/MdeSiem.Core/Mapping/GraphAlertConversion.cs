using System.Collections.Generic;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mapping;

/// <summary>One Graph alert built from the SIEM records of one AlertId, and what the table could not carry over.</summary>
public sealed class GraphAlertConversion
{
    public GraphAlertConversion(DefenderAlert alert, IReadOnlyDictionary<string, object?> unmappedFields)
    {
        Alert = alert;
        UnmappedFields = unmappedFields;
    }

    public DefenderAlert Alert { get; }

    /// <summary>
    /// The non-empty values of the fields the table marks X (IoC fields, Md5, AlertPart, ...), by field name in table
    /// order. A field whose parts differ holds an array of the distinct values in part order.
    /// </summary>
    public IReadOnlyDictionary<string, object?> UnmappedFields { get; }
}
