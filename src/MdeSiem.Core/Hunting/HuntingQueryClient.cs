using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Http;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// Runs advanced hunting queries with Graph's POST /security/runHuntingQuery
/// (https://learn.microsoft.com/en-us/graph/api/security-security-runhuntingquery; ThreatHunting.Read.All). Calls
/// count against the hunting API's own budget (<see cref="ApiNames.GraphHunting"/>), and a 429 (call or CPU quota)
/// is waited out by the retry handler. A result that reaches the row limit is reported, never passed off as whole;
/// a split run halves such a window and runs it again, so each window is read completely.
/// </summary>
public sealed class HuntingQueryClient
{
    public const string Permission = "ThreatHunting.Read.All";

    private const string TimestampColumn = "Timestamp";

    /// <summary>A window is halved only while each half would stay at least the minimum window long.</summary>
    private static readonly TimeSpan MinimumSplittable = TimeSpan.FromTicks(HuntingQuery.MinimumWindow.Ticks * 2);

    private readonly MdeSiemConnection _connection;

    public HuntingQueryClient(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    public Uri RunUri => _connection.Endpoints.GetGraphUri("security/runHuntingQuery");

    /// <summary>Streams the rows of the query; the schema and any cut result go to <paramref name="report"/>.</summary>
    public async IAsyncEnumerable<HuntingRow> RunAsync(HuntingQuery query, HuntingRunReport report, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null || report is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : nameof(report));
        }

        query.Validate();
        var windows = query.Windows(DateTime.UtcNow);
        if (query.SplitBy is null)
        {
            // One request, streamed as it is parsed.
            HuntingWindow? window = windows is null ? null : windows[0];
            var rows = 0;
            await foreach (var row in SendAsync(query.Query, window, report, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                yield return row;
            }

            if (rows >= query.RowLimit)
            {
                report.AddCut(Cut(rows, window, query.RowLimit, split: false));
            }

            yield break;
        }

        var pending = new Stack<HuntingWindow>();
        for (var i = windows!.Count - 1; i >= 0; i--)
        {
            pending.Push(windows[i]);
        }

        while (pending.Count > 0)
        {
            var window = pending.Pop();
            // Held until the window is known to be whole: a cut window is run again in halves, and rows already
            // written could not be taken back.
            var rows = new List<HuntingRow>();
            await foreach (var row in SendAsync(query.Query, window, report, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            if (rows.Count >= query.RowLimit && window.Length >= MinimumSplittable)
            {
                var (first, second) = window.Halve();
                pending.Push(second);
                pending.Push(first);
                continue;
            }

            if (rows.Count >= query.RowLimit)
            {
                report.AddCut(Cut(rows.Count, window, query.RowLimit, split: true));
            }

            foreach (var row in rows)
            {
                if (BelongsTo(row, window))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>
    /// Whether the service's answer for a window that is not the last may keep a row: the reference does not say
    /// whether the Timespan's end is inclusive, so a row stamped at the window's end (the next window's start) is
    /// left to the next window, and a split run delivers it once under either reading.
    /// </summary>
    private static bool BelongsTo(HuntingRow row, HuntingWindow window) =>
        window.IsLast || row.Schema.Find(TimestampColumn)?.Kind != HuntingValueKind.DateTime || row[TimestampColumn] is not DateTime time || time < window.EndUtc;

    private async IAsyncEnumerable<HuntingRow> SendAsync(string query, HuntingWindow? window, HuntingRunReport report, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uri = RunUri;
        var body = JsonBody.Write(writer =>
        {
            writer.WriteString("Query", query);
            if (window is { } range)
            {
                writer.WriteString("Timespan", range.ToTimespan());
            }
        });
        report.Requests++;
        // The query only reads: sending it again after a lost answer is harmless. A 403 names the permission.
        var request = new ServiceRequest(ServiceApi.GraphHunting(_connection.Endpoints), HttpMethod.Post, uri, Permission, body) { Idempotent = true };
        var response = await ServiceCaller.SendAsync(_connection.Http, request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            using var responseBody = await ResponseBody.OpenAsync(response, _connection.BodyTimeout, uri, report.Statistics, cancellationToken).ConfigureAwait(false);
            var rows = HuntingResultStreamReader.ReadAsync(responseBody.Stream, report.SetSchema, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await rows.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException or ObjectDisposedException)
                    {
                        throw HttpFailureTranslator.FromBrokenBody(exception, uri);
                    }

                    report.Statistics.AddRecord();
                    yield return rows.Current;
                }
            }
            finally
            {
                await rows.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static MdeSiemException Cut(int rows, HuntingWindow? window, int limit, bool split) =>
        new(
            ErrorCode.HuntingResultTruncated,
            $"The hunting result{(window is { } range ? " for " + range : string.Empty)} has {rows} rows, the row limit ({limit}): the service may have cut it, so rows may be missing."
            + (split ? " The window could not be split further." : string.Empty))
        {
            RecommendedAction = split
                ? "Narrow the query (where, summarize, project) so each second of data stays under the row limit."
                : "Run again with -SplitBy (a window short enough that each result stays under the limit), or narrow the query.",
        };
}
