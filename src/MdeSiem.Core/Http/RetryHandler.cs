using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace MdeSiem.Core.Http;

/// <summary>
/// Retries throttled and failed requests with Polly: exponential back-off with jitter, Retry-After honoured in every
/// form the services send it (never retried earlier than asked), a bounded number of attempts. A request that is not
/// idempotent (a comment: Graph's POST .../comments, a Defender API PATCH that carries one) is retried only when it
/// certainly did not reach the service, so a write is never made twice. The last response is returned as is, so the
/// caller maps it to the right error.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("MdeSiem.Request");

    // The runtime's timers keep time by a coarse clock (the kernel's tick on Linux, a few milliseconds; 15.6 ms on
    // Windows), so a wait of exactly the Retry-After can end that much before the instant the service named (a retry
    // 3 ms early was seen here), and a retry before that instant may be throttled again.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(16);

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Func<DateTimeOffset> _now;

    public RetryHandler(RetrySettings settings, HttpMessageHandler inner, Func<DateTimeOffset>? now = null)
        : base(inner)
    {
        _now = now ?? (() => DateTimeOffset.UtcNow);
        var options = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => new ValueTask<bool>(ShouldRetry(RequestOf(arguments.Context), arguments.Outcome, settings.MaxDelay)),
            DelayGenerator = arguments => new ValueTask<TimeSpan?>(WaitAskedFor(arguments.Outcome.Result)),
            OnRetry = arguments =>
            {
                var reason = arguments.Outcome.Result is { } response
                    ? $"{(int)response.StatusCode} {response.ReasonPhrase}"
                    : arguments.Outcome.Exception?.GetType().Name ?? "failure";
                RequestLog.Write(string.Format(
                    CultureInfo.InvariantCulture,
                    "Retry {0} of {1} in {2:0.000} s after {3}.",
                    arguments.AttemptNumber + 1,
                    settings.MaxRetries,
                    arguments.RetryDelay.TotalSeconds,
                    reason));
                arguments.Outcome.Result?.Dispose();
                return default;
            },
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();

        // Polly refuses zero attempts; zero retries is simply no retry strategy.
        _pipeline = settings.MaxRetries > 0 ? builder.AddRetry(options).Build() : builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                async (resilience, handler) => await handler.SendOnceAsync(resilience.Properties.GetValue(RequestKey, request), resilience.CancellationToken).ConfigureAwait(false),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static HttpRequestMessage? RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : null;

    /// <summary>The wait a response's Retry-After asks for, and the timers' slack on top; null when it names none.</summary>
    private TimeSpan? WaitAskedFor(HttpResponseMessage? response) =>
        RetryAfterHeader.Read(response, _now()) is { } wait
            ? wait < TimeSpan.MaxValue - TimerSlack ? wait + TimerSlack : TimeSpan.MaxValue
            : null;

    /// <summary>
    /// Idempotent requests retry on throttling, timeouts, 5xx and transport failures. The others retry only where the
    /// service certainly did not act: the connection was never made, a 429 (the call was refused, not run), or a 503
    /// that says when to come back. A wait longer than the cap is not shortened: the answer is returned instead.
    /// </summary>
    private bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, TimeSpan cap)
    {
        var idempotent = request is null || IsIdempotent(request);
        if (outcome.Exception is not null)
        {
            // Transport failures retry; cancellation (the user's, or the client's timeout) does not. A failure to
            // connect comes as the socket error itself; one after the request went out is wrapped in an IOException.
            return outcome.Exception is HttpRequestException transport
                && (idempotent || transport.InnerException is SocketException);
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterHeader.Read(response, _now());
        if (retryAfter > cap)
        {
            return false;
        }

        if (status == 429 || (status == (int)HttpStatusCode.ServiceUnavailable && retryAfter is not null))
        {
            return true;
        }

        return idempotent && (status == (int)HttpStatusCode.RequestTimeout || status >= 500);
    }

    /// <summary>
    /// The request's own mark (<see cref="RequestOptionKeys.Idempotent"/>) or, without one, its method's meaning in
    /// RFC 9110 (section 9.2.2): GET, HEAD, PUT, DELETE, OPTIONS and TRACE are idempotent; POST and PATCH are not,
    /// unless the sender marks a PATCH that only sets values as idempotent.
    /// </summary>
    internal static bool IsIdempotent(HttpRequestMessage request)
    {
        if (request.Properties.TryGetValue(RequestOptionKeys.Idempotent, out var value) && value is bool marked)
        {
            return marked;
        }

        var method = request.Method.Method.ToUpperInvariant();
        return method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" or "TRACE";
    }
}
