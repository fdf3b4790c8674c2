using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace MdeSiem.Core.Migration;

/// <summary>
/// Writes a comparison as one self-contained HTML page for people who will not open PowerShell: inline CSS, inline
/// SVG charts, no script and nothing fetched from elsewhere. Every number shown also carries a data-metric (summary)
/// or data-field/data-column (rows) attribute, so a browser test can read the page back.
/// </summary>
public static class MigrationReportHtml
{
    private const string Style = @"
body{font-family:'Segoe UI',Arial,Helvetica,sans-serif;margin:0;background:#f6f7f9;color:#1f2328}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #d8dde3;padding-bottom:4px}
p.lead{color:#57606a;margin:0 0 16px}
.cards{display:flex;gap:14px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:12px 18px;min-width:170px}
.card .value{display:block;font-size:30px;font-weight:600}.card .label{color:#57606a;font-size:13px}
.card.paired .value{color:#2e7d32}.card.siem .value{color:#c62828}.card.graph .value{color:#1565c0}.card.lost .value{color:#6a1b9a}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #d8dde3;padding:5px 8px;text-align:left;vertical-align:top}table.rows td:nth-child(2){white-space:nowrap;text-align:center}th{background:#eef1f5}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.x td{background:#faf5fc}tr.diff td.d{color:#c62828;font-weight:600}
details summary{cursor:pointer;color:#1565c0}code{font-size:12px;word-break:break-all}
.note{color:#57606a;font-size:13px}";

    public static string Write(MigrationReport report)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var s = report.Summary;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>SIEM API to Microsoft Graph: migration report</title><style>").Append(Style).Append("</style></head><body><main>");

        html.Append("<h1>Moving from the SIEM API to Microsoft Graph alerts</h1><p class=\"lead\">What the SIEM will see differently after the switch, measured on this tenant's own alerts for ")
            .Append(Encode(Time(s.SinceTimeUtc))).Append(" to ").Append(Encode(Time(s.UntilTimeUtc))).Append(" (UTC)");
        if (s.MachineGroups.Length > 0)
        {
            html.Append(", device groups ").Append(Encode(string.Join(", ", s.MachineGroups)));
        }

        html.Append(". Generated ").Append(Encode(Time(report.GeneratedUtc))).Append(" UTC.</p>");

        html.Append("<div class=\"cards\">");
        Card(html, "paired", "paired", s.Paired, "alerts both APIs return");
        Card(html, "siem", "only-in-siem", s.OnlyInSiem, "only in the SIEM API");
        Card(html, "graph", "only-in-graph", s.OnlyInGraph, "only in Graph");
        Card(html, "lost", "lost-values", s.LostValues, "values Graph has no place for");
        html.Append("</div>");
        html.Append("<p class=\"note\">The SIEM API returned <b data-metric=\"siem-records\">").Append(s.SiemRecords).Append("</b> records for <b data-metric=\"siem-alerts\">")
            .Append(s.SiemAlerts).Append("</b> alerts; Graph returned <b data-metric=\"graph-alerts\">").Append(s.GraphAlerts)
            .Append("</b> alerts created in the window. <b data-metric=\"paired-identical\">").Append(s.PairedIdentical)
            .Append("</b> of the paired alerts agree on every mapped field.</p>");
        html.Append(SvgBarChart.Counts("Alerts by API", new[]
        {
            ("Paired", (double)s.Paired, "#2e7d32", Count(s.Paired)),
            ("Only in the SIEM API", (double)s.OnlyInSiem, "#c62828", Count(s.OnlyInSiem)),
            ("Only in Graph", (double)s.OnlyInGraph, "#1565c0", Count(s.OnlyInGraph)),
        }));

        WriteReasons(html, s);
        WriteRows(html, report.Rows);
        WriteLost(html, report.Rows);
        WriteGraphAdds(html, s);

        html.Append("<h2>Deadlines</h2><ul>");
        foreach (var surface in new[] { RetiringSurfaces.SiemApi, RetiringSurfaces.MdeAlertsApi, RetiringSurfaces.GraphLegacyAlerts })
        {
            html.Append("<li><b>").Append(Encode(surface.Name)).Append("</b>: ").Append(Encode(surface.Status.ToString().ToLowerInvariant()))
                .Append(", ").Append(Encode(surface.RetirementDateText)).Append(" (").Append(Encode(surface.Source)).Append("). Replacement: ")
                .Append(Encode(surface.Replacement)).Append(".</li>");
        }

        html.Append("</ul><p class=\"note\">Made by Compare-MdeSiemMigration (MdeSiem module). The SIEM API selects records by the time they were processed (LastProcessedTimeUtc); Graph by the time the alert was created (createdDateTime), so alerts near the edges of the window appear on one side only.</p>");
        return html.Append("</main></body></html>\n").ToString();
    }

    private static void WriteReasons(StringBuilder html, MigrationSummary s)
    {
        html.Append("<h2>Why some alerts are on one side only</h2><table><tr><th>Side</th><th>Reason</th><th>Alerts</th></tr>");
        Reason(html, "Only in the SIEM API", "created outside the window (Graph selects by createdDateTime)", "only-in-siem-created-outside-window", s.OnlyInSiemCreatedOutsideWindow);
        Reason(html, "Only in the SIEM API", "Graph does not name the alert's device group, so the machine-group filter cannot select it", "only-in-siem-machine-group-unknown", s.OnlyInSiemMachineGroupUnknownInGraph);
        Reason(html, "Only in the SIEM API", "no reason visible to this comparison", "only-in-siem-unexplained", s.OnlyInSiemUnexplained);
        Reason(html, "Only in Graph", "another product raised it (serviceSource other than Defender for Endpoint)", "only-in-graph-other-service-source", s.OnlyInGraphOtherServiceSource);
        Reason(html, "Only in Graph", "its activity continues after the window (the SIEM API selects by LastProcessedTimeUtc)", "only-in-graph-processed-outside-window", s.OnlyInGraphProcessedOutsideWindow);
        Reason(html, "Only in Graph", "no reason visible to this comparison", "only-in-graph-unexplained", s.OnlyInGraphUnexplained);
        html.Append("</table>");
        if (s.MachineGroups.Length > 0)
        {
            html.Append("<p class=\"note\">Graph cannot filter by device group; of its Defender for Endpoint alerts, <b data-metric=\"graph-other-machine-groups\">")
                .Append(s.GraphAlertsInOtherMachineGroups).Append("</b> belong to other groups and <b data-metric=\"graph-without-machine-group\">")
                .Append(s.GraphAlertsWithoutMachineGroup).Append("</b> name no group at all.</p>");
        }

        if (s.MdeApiAlerts is { } mde)
        {
            html.Append("<p class=\"note\">The Defender for Endpoint alerts API returned <b data-metric=\"mde-api-alerts\">").Append(mde)
                .Append("</b> alerts for the window, <b data-metric=\"mde-api-paired\">").Append(s.MdeApiPairedWithSiem ?? 0).Append("</b> of them also in the SIEM API.</p>");
        }
    }

    private static void WriteRows(StringBuilder html, IReadOnlyList<MigrationFieldRow> rows)
    {
        var compared = rows.Where(r => r.Agreement is not null).ToList();
        html.Append("<h2>Field by field: does Graph carry the same value?</h2>");
        if (compared.Count > 0)
        {
            html.Append(SvgBarChart.Shares("Agreement per mapped field", compared.Select(r => (r.Field, r.Agreement!.Value)).ToList()));
        }

        html.Append("<table class=\"rows\"><tr><th>SIEM field</th><th></th><th>Graph property</th><th>Records with a value</th><th>Paired alerts with a value</th><th>Same in Graph</th><th>Different</th><th>Lost</th><th>Examples</th></tr>");
        foreach (var row in rows)
        {
            string css = row.Mapping == "X" ? "x" : row.Different > 0 ? "diff" : "";
            html.Append("<tr class=\"").Append(css).Append("\" data-field=\"").Append(Encode(row.Field)).Append("\"><td>").Append(Encode(row.Field)).Append("</td><td>")
                .Append(row.Mapping == "X" ? "X" : "&rarr;").Append("</td><td>").Append(Encode(row.GraphProperty)).Append("</td>");
            Number(html, "records-with-value", row.RecordsWithValue, "n");
            Number(html, "paired-with-value", row.PairedWithValue, "n");
            Number(html, "same", row.Same, "n");
            Number(html, "different", row.Different, "n d");
            Number(html, "lost", row.Lost, "n");
            html.Append("<td>");
            if (row.Examples.Count > 0)
            {
                html.Append("<details><summary>").Append(row.Examples.Count).Append(" example(s)</summary>");
                foreach (var example in row.Examples)
                {
                    html.Append("<div><code>").Append(Encode(example.AlertId)).Append("</code>: SIEM <code>").Append(Encode(example.SiemValue ?? "(none)"))
                        .Append("</code> Graph <code>").Append(Encode(example.GraphValue ?? "(none)")).Append("</code></div>");
                }

                html.Append("</details>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void WriteLost(StringBuilder html, IReadOnlyList<MigrationFieldRow> rows)
    {
        var lost = rows.Where(r => r.Lost > 0).ToList();
        html.Append("<h2>What will no longer reach the SIEM</h2>");
        if (lost.Count == 0)
        {
            html.Append("<p>No record in the window had a value in a field Graph does not carry.</p>");
            return;
        }

        html.Append("<p>Microsoft's mapping marks these SIEM fields X: Graph alerts have no place for them. Rules, dashboards and parsers that use them need another source.</p>");
        html.Append(SvgBarChart.Counts("Values lost per field", lost.Select(r => (r.Field, (double)r.Lost, "#6a1b9a", Count(r.Lost))).ToList()));
    }

    private static void WriteGraphAdds(StringBuilder html, MigrationSummary s)
    {
        html.Append("<h2>What Graph gives that the SIEM API never did</h2><table><tr><th>What</th><th>Value</th><th>Alerts</th></tr>");
        html.Append("<tr><td>Incident id</td><td>alerts that name their incident</td>");
        Number(html, "graph-with-incident-id", s.GraphAlertsWithIncidentId, "n");
        html.Append("</tr>");
        Tally(html, "Status", "status", s.Statuses);
        Tally(html, "Classification", "classification", s.Classifications);
        Tally(html, "Evidence type", "evidence", s.EvidenceTypes);
        html.Append("</table>");
    }

    private static void Tally(StringBuilder html, string what, string metric, SortedDictionary<string, int> counts)
    {
        foreach (var pair in counts)
        {
            html.Append("<tr><td>").Append(Encode(what)).Append("</td><td>").Append(Encode(pair.Key)).Append("</td><td class=\"n\" data-metric=\"")
                .Append(metric).Append('-').Append(Encode(pair.Key)).Append("\">").Append(pair.Value).Append("</td></tr>");
        }
    }

    private static void Card(StringBuilder html, string css, string metric, int value, string label) =>
        html.Append("<div class=\"card ").Append(css).Append("\"><span class=\"value\" data-metric=\"").Append(metric).Append("\">").Append(value)
            .Append("</span><span class=\"label\">").Append(Encode(label)).Append("</span></div>");

    private static void Reason(StringBuilder html, string side, string reason, string metric, int value) =>
        html.Append("<tr><td>").Append(Encode(side)).Append("</td><td>").Append(Encode(reason)).Append("</td><td class=\"n\" data-metric=\"").Append(metric)
            .Append("\">").Append(value).Append("</td></tr>");

    private static void Number(StringBuilder html, string column, int value, string css) =>
        html.Append("<td class=\"").Append(css).Append("\" data-column=\"").Append(column).Append("\">").Append(value).Append("</td>");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
