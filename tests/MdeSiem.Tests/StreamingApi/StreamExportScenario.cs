using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Simulator.StreamingApi;

namespace MdeSiem.Tests.StreamingApi;

/// <summary>
/// The simulator's generated detections written to Azurite as the Streaming API would, a range of records at a
/// time, remembering every line written: the expected values of the tests, which never pass through the module.
/// </summary>
internal sealed class StreamExportScenario
{
    public const string TenantId = "4b8c18bd-2f9f-4227-af55-9f1061cf9c32";

    private readonly StreamingExportWriter _writer;
    private readonly StreamingExportComposer _composer = new(TenantId);
    private readonly Dictionary<string, List<StreamingExportLine>> _written = new(StringComparer.Ordinal);
    private long _nextIndex;

    public StreamExportScenario(AzuriteServer azurite, SiemAlertGenerator generator)
    {
        Generator = generator;
        _writer = new StreamingExportWriter(azurite.Client(), TenantId);
    }

    public SiemAlertGenerator Generator { get; }

    public StreamingExportWriter Writer => _writer;

    public IReadOnlyList<StreamingExportLine> Written(string table) =>
        _written.TryGetValue(table, out var lines) ? lines : new List<StreamingExportLine>();

    /// <summary>Appends the next <paramref name="count"/> records to every table; returns the lines each got.</summary>
    public async Task<Dictionary<string, List<StreamingExportLine>>> AppendNextAsync(long count, params string[] tables)
    {
        var records = Enumerable.Range(0, (int)Math.Min(count, Generator.Count - _nextIndex))
            .Select(offset => Generator.GetRecord(_nextIndex + offset))
            .ToList();
        _nextIndex += records.Count;
        var added = new Dictionary<string, List<StreamingExportLine>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var lines = _composer.Compose(table, records).ToList();
            await _writer.AppendAsync(lines);
            added[table] = lines;
            if (!_written.TryGetValue(table, out var all))
            {
                _written[table] = all = new List<StreamingExportLine>();
            }

            all.AddRange(lines);
        }

        return added;
    }

    /// <summary>The identity of a written line, read from its JSON by the test itself.</summary>
    public static string KeyOf(StreamingExportLine line)
    {
        using var json = JsonDocument.Parse(line.Json);
        var properties = json.RootElement.GetProperty("properties");
        return line.Table switch
        {
            StreamingExportComposer.AlertInfo => properties.GetProperty("AlertId").GetString()!,
            StreamingExportComposer.AlertEvidence => properties.GetProperty("AlertId").GetString() + "|" + properties.GetProperty("EntityType").GetString() + "|" + properties.GetProperty("AdditionalFields").GetString(),
            _ => properties.GetProperty("AdditionalFields").GetString()!,
        };
    }
}
