using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Migration;

/// <summary>
/// Compares what the SIEM API and Graph returned for one window: feed it every SIEM record, Graph alert and (with
/// the Defender alerts API) MdeAlert, then <see cref="Complete"/>. The SIEM records of one AlertId are merged and
/// mapped as ConvertTo-GraphAlert does (SiemAlertMerger, SiemToGraphMapper); each mapping row is then read the same
/// way from the mapped alert and from Graph's.
/// </summary>
public sealed class MigrationComparer
{
    private const string DefenderForEndpoint = "microsoftDefenderForEndpoint";

    private readonly MigrationWindow _window;
    private readonly SiemAlertMerger _merger = new(int.MaxValue);
    private readonly Dictionary<string, DefenderAlert> _graph = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _graphWithoutGroup = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _mdeApiIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly MigrationSummary _summary = new();
    private readonly List<MigrationFieldRow> _rows = MigrationRows.All.Select(row => new MigrationFieldRow(row)).ToList();
    private bool _mdeApiRead;

    public MigrationComparer(MigrationWindow window)
    {
        _window = window ?? throw new ArgumentNullException(nameof(window));
        window.Validate();
        _summary.SinceTimeUtc = window.SinceTimeUtc;
        _summary.UntilTimeUtc = window.UntilTimeUtc;
        _summary.MachineGroups = window.MachineGroups.ToArray();
    }

    public void AddSiemRecord(MdeSiemAlert record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        _summary.SiemRecords++;
        for (int i = 0; i < _rows.Count; i++)
        {
            if (HasValue(MigrationRows.All[i].SiemValue(record)))
            {
                _rows[i].RecordsWithValue++;
            }
        }

        if (!string.IsNullOrEmpty(record.AlertId))
        {
            _merger.Add(record);
        }
    }

    /// <summary>A Graph alert created in the window; the SIEM query's device filters are applied here, as Graph cannot.</summary>
    public void AddGraphAlert(DefenderAlert alert)
    {
        if (alert?.Id is null)
        {
            return;
        }

        bool fromDefenderForEndpoint = string.Equals(alert.ServiceSourceValue, DefenderForEndpoint, StringComparison.OrdinalIgnoreCase);
        var device = GraphValueText.Device(alert);
        if (fromDefenderForEndpoint && _window.MachineGroups.Count > 0)
        {
            if (string.IsNullOrEmpty(device?.RbacGroupName))
            {
                _summary.GraphAlertsWithoutMachineGroup++;
                _graphWithoutGroup.Add(alert.Id);
                return;
            }

            if (!_window.MachineGroups.Contains(device!.RbacGroupName!, StringComparer.OrdinalIgnoreCase))
            {
                _summary.GraphAlertsInOtherMachineGroups++;
                return;
            }
        }

        if (fromDefenderForEndpoint && !HasTags(device))
        {
            return;
        }

        _graph[alert.Id] = alert;
    }

    public void AddMdeApiAlert(MdeAlert alert)
    {
        _mdeApiRead = true;
        if (alert?.Id is not null)
        {
            _mdeApiIds.Add(alert.Id);
        }
    }

    /// <summary>Marks the Defender alerts API as read even when it returned nothing.</summary>
    public void MdeApiRead() => _mdeApiRead = true;

    public MigrationReport Complete(DateTime generatedUtc)
    {
        var siemIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parts in _merger.Flush())
        {
            siemIds.Add(parts[0].AlertId!);
            CompareAlert(parts);
        }

        _summary.SiemAlerts = siemIds.Count;
        _summary.GraphAlerts = _graph.Count;
        foreach (var alert in _graph.Values)
        {
            CountWhatGraphAdds(alert);
            if (siemIds.Contains(alert.Id!))
            {
                continue;
            }

            _summary.OnlyInGraph++;
            if (!string.Equals(alert.ServiceSourceValue, DefenderForEndpoint, StringComparison.OrdinalIgnoreCase))
            {
                _summary.OnlyInGraphOtherServiceSource++;
            }
            else if (alert.LastActivityDateTime >= _window.UntilTimeUtc)
            {
                _summary.OnlyInGraphProcessedOutsideWindow++;
            }
            else
            {
                _summary.OnlyInGraphUnexplained++;
            }
        }

        foreach (var row in _rows.Where(r => r.Mapping == "X"))
        {
            row.Lost = row.RecordsWithValue;
            _summary.LostValues += row.Lost;
        }

        if (_mdeApiRead)
        {
            _summary.MdeApiAlerts = _mdeApiIds.Count;
            _summary.MdeApiPairedWithSiem = _mdeApiIds.Count(siemIds.Contains);
        }

        return new MigrationReport(_summary, _rows, generatedUtc);
    }

    private void CompareAlert(IReadOnlyList<MdeSiemAlert> parts)
    {
        string id = parts[0].AlertId!;
        if (!_graph.TryGetValue(id, out var graph))
        {
            _summary.OnlyInSiem++;
            if (_graphWithoutGroup.Contains(id))
            {
                _summary.OnlyInSiemMachineGroupUnknownInGraph++;
            }
            else if (!_window.Contains(parts.Select(p => p.AlertTime).FirstOrDefault(t => t is not null)))
            {
                _summary.OnlyInSiemCreatedOutsideWindow++;
            }
            else
            {
                _summary.OnlyInSiemUnexplained++;
            }

            return;
        }

        _summary.Paired++;
        DefenderAlert mapped;
        try
        {
            mapped = SiemToGraphMapper.Map(parts).Alert;
        }
        catch (MdeSiemException)
        {
            // A record the table cannot map (a severity Graph does not have) has no row values to compare.
            return;
        }

        bool identical = true;
        for (int i = 0; i < _rows.Count; i++)
        {
            var row = MigrationRows.All[i];
            if (!parts.Any(part => HasValue(row.SiemValue(part))))
            {
                continue;
            }

            var result = _rows[i];
            result.PairedWithValue++;
            if (row.GraphValue is null)
            {
                continue;
            }

            string? expected = row.GraphValue(mapped);
            string? actual = row.GraphValue(graph);
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                result.Same++;
                continue;
            }

            identical = false;
            result.Different++;
            if (result.Examples.Count < _window.MaxExamples)
            {
                result.Examples.Add(new MigrationValueExample(id, expected, actual));
            }
        }

        if (identical)
        {
            _summary.PairedIdentical++;
        }
    }

    private void CountWhatGraphAdds(DefenderAlert alert)
    {
        foreach (var kind in alert.Evidence.Select(e => e.Kind ?? "unknown").Distinct(StringComparer.Ordinal))
        {
            _summary.EvidenceTypes[kind] = _summary.EvidenceTypes.TryGetValue(kind, out var n) ? n + 1 : 1;
        }

        var status = alert.StatusValue ?? "unknown";
        _summary.Statuses[status] = _summary.Statuses.TryGetValue(status, out var s) ? s + 1 : 1;
        var classification = alert.ClassificationValue ?? "unknown";
        _summary.Classifications[classification] = _summary.Classifications.TryGetValue(classification, out var c) ? c + 1 : 1;
        if (!string.IsNullOrEmpty(alert.IncidentId))
        {
            _summary.GraphAlertsWithIncidentId++;
        }
    }

    /// <summary>The SIEM query's tag filters, applied to the device evidence's tags (Graph keeps both kinds in one list).</summary>
    private bool HasTags(Graph.DeviceEvidence? device)
    {
        foreach (var tag in new[] { _window.DeviceCreatedMachineTag, _window.CloudCreatedMachineTag })
        {
            if (!string.IsNullOrEmpty(tag) && !(device?.Tags.Contains(tag!, StringComparer.OrdinalIgnoreCase) ?? false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasValue(object? value) => value is not null && !(value is string text && text.Length == 0);
}
