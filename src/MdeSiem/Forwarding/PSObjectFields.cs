using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Core.Forwarding;
using MdeSiem.Core.Output;

namespace MdeSiem.Forwarding;

/// <summary>
/// Reads any pipeline object as a <see cref="FieldSource"/>: its properties in their own order (a typed alert's
/// declaration order, a CSV file's column order), nested objects and lists converted the same way.
/// </summary>
internal static class PSObjectFields
{
    // Graph alerts nest evidence a few levels deep; deeper than this is written as text.
    private const int MaxDepth = 8;

    public static FieldSource From(PSObject input) => From(input, 0);

    private static FieldSource From(PSObject input, int depth)
    {
        var source = new FieldSource();
        foreach (var property in input.Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue; // a script or code property that throws: not data
            }

            source.Add(property.Name, Convert(value, depth + 1));
        }

        return source;
    }

    private static object? Convert(object? value, int depth)
    {
        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject)
            {
                return depth > MaxDepth ? wrapped.ToString() : From(wrapped, depth);
            }

            value = wrapped.BaseObject;
        }

        return ObjectFields.ConvertValue(value, depth, MaxDepth, Convert, (record, level) => From(PSObject.AsPSObject(record), level));
    }
}
