using System;

namespace MdeSiem.Simulator;

/// <summary>
/// A failure the simulator injects into the next request to <see cref="Target"/>, before authentication, as a
/// gateway in front of the real service would. Each enqueued fault is used once; enqueue several for a run of them.
/// </summary>
public sealed class SimulatedFault
{
    public FaultTarget Target { get; init; } = FaultTarget.SiemApi;

    /// <summary>Waited before answering, e.g. to trigger a client's timeout. Applies together with the other effects.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>If set, the request is answered with this status (e.g. 429, 500, 503) and an error body.</summary>
    public int? StatusCode { get; init; }

    /// <summary>If set with <see cref="StatusCode"/>, sent as the Retry-After header in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>
    /// If set with <see cref="StatusCode"/>, sent as the Retry-After header exactly as given (it wins over
    /// <see cref="RetryAfterSeconds"/>): Microsoft Graph's throttling page shows <c>Retry-After: 2.128</c>
    /// (https://learn.microsoft.com/graph/throttling#sample-response), seconds with a fraction, which HTTP's
    /// delay-seconds grammar does not allow; an HTTP date is the header's other form.
    /// </summary>
    public string? RetryAfter { get; init; }

    /// <summary>
    /// If true with <see cref="StatusCode"/> (Graph and Defender API targets), the endpoint first handles the request in full (checks the token, applies a
    /// write such as a comment) and only then is its answer replaced by the fault's status: a gateway that gave up after
    /// the service did the work. A client that retries such a write repeats it.
    /// </summary>
    public bool AfterHandling { get; init; }

    /// <summary>
    /// If set, a SIEM API response starts normally but the connection is closed after this many records, so the
    /// client sees the body end in the middle of the JSON array (HttpClient: "response ended prematurely"). A client
    /// that keeps reading gets exactly this many records; one that has stopped reading may get fewer. A response with
    /// fewer records than this completes normally.
    /// </summary>
    public int? TruncateAfterRecords { get; init; }

    /// <summary>
    /// If true, a SIEM API response is a complete HTTP 200 whose body is a whole array with a syntax error inside
    /// (an unquoted value): invalid data, as opposed to the cut-short body of <see cref="TruncateAfterRecords"/>.
    /// </summary>
    public bool MalformedBody { get; init; }

    /// <summary>
    /// If set, the fault waits for a request whose path and decoded query contain this text (ordinal, ignoring
    /// case), e.g. "$expand=alerts" or "lastUpdateDateTime ge": faults for one kind of request among many.
    /// </summary>
    public string? RequestContains { get; init; }

    /// <summary>
    /// With <see cref="RequestContains"/> or alone: this many matching requests pass untouched before the fault
    /// answers one, so a fault can hit the middle of a pull (the third page, a request after a token refresh).
    /// </summary>
    public int AfterMatchingRequests { get; init; }

    /// <summary>
    /// If set, a Graph collection request is answered 206 Partial Content with every other record of its page (the
    /// others are lost, as when a provider behind Graph fails) and <c>Warning: 199 - "Microsoft/{this}/504/10000"</c>.
    /// </summary>
    public string? PartialProvider { get; init; }

    /// <summary>If true, a Graph collection response is a complete HTTP 200 whose JSON body stops half-way.</summary>
    public bool TruncatedJson { get; init; }

    /// <summary>
    /// If set, the response (whatever the endpoint: SIEM API, Graph, token endpoint) is sent normally up to this many
    /// body bytes, then the connection is reset (TCP RST), as a load balancer or a dying server would. Unlike
    /// <see cref="TruncateAfterRecords"/> the cut can fall anywhere, even inside a record or a UTF-8 sequence, and
    /// the client may lose bytes it had received but not yet read. A body shorter than this completes normally.
    /// </summary>
    public long? ResetAfterBytes { get; init; }

    /// <summary>
    /// If set with <see cref="StallFor"/>, the response sends this many body bytes, then sends nothing for
    /// <see cref="StallFor"/> (the connection stays open), then the rest: a server that hangs mid-body. A client
    /// without a body timeout waits the whole stall.
    /// </summary>
    public long? StallAfterBytes { get; init; }

    /// <summary>How long a <see cref="StallAfterBytes"/> fault holds the body.</summary>
    public TimeSpan StallFor { get; init; }

    /// <summary>True when the fault acts on the response body's bytes (reset or stall) rather than on the answer.</summary>
    public bool ActsOnBody => ResetAfterBytes is not null || (StallAfterBytes is not null && StallFor > TimeSpan.Zero);

    public static SimulatedFault ResetMidBody(long afterBytes, FaultTarget target = FaultTarget.SiemApi)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        return new() { ResetAfterBytes = afterBytes, Target = target };
    }

    public static SimulatedFault StallMidBody(long afterBytes, TimeSpan stall, FaultTarget target = FaultTarget.SiemApi)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stall, TimeSpan.Zero);
        return new() { StallAfterBytes = afterBytes, StallFor = stall, Target = target };
    }

    public static SimulatedFault Status(int statusCode, int? retryAfterSeconds = null, FaultTarget target = FaultTarget.SiemApi) =>
        new() { StatusCode = statusCode, RetryAfterSeconds = retryAfterSeconds, Target = target };

    public static SimulatedFault TruncateAfter(int records) => new() { TruncateAfterRecords = records };

    public static SimulatedFault Slow(TimeSpan delay, FaultTarget target = FaultTarget.SiemApi) =>
        new() { Delay = delay, Target = target };

    public static SimulatedFault Malformed() => new() { MalformedBody = true };

    /// <summary>A 206 answer naming <paramref name="provider"/>, for the next Graph collection request matching <paramref name="requestContains"/>.</summary>
    public static SimulatedFault PartialContent(string provider, string? requestContains = null) =>
        new() { PartialProvider = provider, RequestContains = requestContains, Target = FaultTarget.GraphApi };

    public override string ToString() =>
        $"{Target}: status {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, " +
        $"retry-after {RetryAfter ?? RetryAfterSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, after handling {AfterHandling}, " +
        $"truncate {TruncateAfterRecords?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, delay {Delay}, request '{RequestContains}', partial '{PartialProvider}', truncated json {TruncatedJson}, " +
        $"reset after {ResetAfterBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} B, " +
        $"stall after {StallAfterBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} B for {StallFor}";
}
