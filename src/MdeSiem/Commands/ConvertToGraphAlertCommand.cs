using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Siem;

namespace MdeSiem.Commands;

/// <summary>
/// Turns SIEM API records (MdeSiemAlert, or rows of an old export from Import-Csv / ConvertFrom-Json) into Graph
/// alerts by the migration table, and Defender for Endpoint alerts API objects (MdeAlert) by MdeToGraphMapper. The parts of one AlertId merge into one alert; what the table cannot carry is
/// attached to each alert as UnmappedSiemFields. A malformed record is a non-terminating error; the rest convert.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "GraphAlert")]
[OutputType(typeof(DefenderAlert))]
public sealed class ConvertToGraphAlertCommand : MdeSiemCmdlet
{
    internal const string UnmappedPropertyName = "UnmappedSiemFields";

    private SiemAlertMerger? _merger;

    /// <summary>
    /// One record per pipeline object, as Export-Csv and ConvertTo-Json take theirs: binding each record into an
    /// array cost the engine as much as converting it. An array given by name (-InputObject $records) is unrolled.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>How many other alerts may start after an alert's last part before it is written.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MergeWindow { get; set; } = 1000;

    [Parameter]
    public SwitchParameter Strict { get; set; }

    protected override void BeginProcessing() => _merger = new SiemAlertMerger(MergeWindow);

    protected override void ProcessRecordCore()
    {
        if (InputObject?.BaseObject is IList list and not IDictionary)
        {
            foreach (var element in list)
            {
                Convert(element is null ? null : PSObject.AsPSObject(element));
            }

            return;
        }

        Convert(InputObject);
    }

    private void Convert(PSObject? item)
    {
        if (item is null)
        {
            return;
        }

        // An alert of the Defender for Endpoint alerts API is one whole alert already: no parts to merge.
        if (item.BaseObject is MdeAlert mdeAlert)
        {
            Write(MdeToGraphMapper.Map(mdeAlert));
            return;
        }

        MdeSiemAlert record;
        try
        {
            record = ToRecord(item);
            SiemToGraphMapper.Validate(record);
        }
        catch (MdeSiemException exception)
        {
            WriteError(ErrorRecords.From(exception, item));
            return;
        }

        var complete = _merger!.Add(record);
        for (var i = 0; i < complete.Count; i++)
        {
            Emit(complete[i]);
        }
    }

    protected override void EndProcessing()
    {
        foreach (var parts in _merger!.Flush())
        {
            Emit(parts);
        }
    }

    private static MdeSiemAlert ToRecord(PSObject item)
    {
        switch (item.BaseObject)
        {
            case MdeSiemAlert typed:
                return typed;
            case IDictionary dictionary:
                var record = new MdeSiemAlert();
                foreach (DictionaryEntry entry in dictionary)
                {
                    SiemRecordReader.Set(record, entry.Key?.ToString() ?? string.Empty, Unwrap(entry.Value));
                }

                return record;
            default:
                // Looking up each known name is much cheaper than enumerating every member of the object.
                var fromProperties = new MdeSiemAlert();
                var properties = item.Properties;
                foreach (var name in SiemRecordReader.FieldNames)
                {
                    if (properties[name] is { } property)
                    {
                        SiemRecordReader.Set(fromProperties, name, Unwrap(property.Value));
                    }
                }

                return fromProperties;
        }
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private void Emit(IReadOnlyList<MdeSiemAlert> parts)
    {
        GraphAlertConversion conversion;
        try
        {
            conversion = SiemToGraphMapper.Map(parts);
        }
        catch (MdeSiemException exception)
        {
            WriteError(ErrorRecords.From(exception, parts[0]));
            return;
        }

        Write(conversion);
    }

    private void Write(GraphAlertConversion conversion)
    {
        // Sized up front: a hashtable grown entry by entry cost as much as the rest of the conversion.
        var unmapped = new Hashtable(conversion.UnmappedFields.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var field in conversion.UnmappedFields)
        {
            unmapped[field.Key] = field.Value;
        }

        if (Strict && unmapped.Count > 0)
        {
            WriteWarning($"Alert {conversion.Alert.Id}: fields with no Graph equivalent were not carried over: "
                + string.Join(", ", conversion.UnmappedFields.Keys) + " (see " + UnmappedPropertyName + ").");
        }

        var output = new PSObject(conversion.Alert);
        output.Properties.Add(new PSNoteProperty(UnmappedPropertyName, unmapped));
        WriteObject(output);
    }
}
