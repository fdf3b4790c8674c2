using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace MdeSiem.Core.Http;

/// <summary>
/// Retries throttled and failed requests with Polly: exponential back-off with jitter, Retry-After honoured (up to
/// the configured cap), a bounded number of attempts. The last response is returned as is, so the caller maps it
/// to the right error.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public RetryHandler(RetrySettings settings, HttpMessageHandler inner)
        : base(inner)
    {
        var options = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => new ValueTask<bool>(IsTransient(arguments.Outcome)),
            DelayGenerator = arguments => new ValueTask<TimeSpan?>(RetryAfter(arguments.Outcome.Result, settings.MaxDelay)),
            OnRetry = arguments =>
            {
                var reason = arguments.Outcome.Result is { } response
                    ? $"{(int)response.StatusCode} {response.ReasonPhrase}"
                    : arguments.Outcome.Exception?.GetType().Name ?? "failure";
                RequestLog.Write(string.Format(
                    CultureInfo.InvariantCulture,
                    "Retry {0} of {1} in {2:0.0} s after {3}.",
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
        return await _pipeline.ExecuteAsync(
            async token => await base.SendAsync(request, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            // Transport failures retry; cancellation (the user's, or the client's timeout) does not.
            return outcome.Exception is HttpRequestException;
        }

        var status = (int)outcome.Result!.StatusCode;
        return status == 429 || status == (int)HttpStatusCode.RequestTimeout || status >= 500;
    }

    /// <summary>The service's own wait when it gives one (seconds or a date); null lets the back-off decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        TimeSpan? wait = header.Delta ?? (header.Date.HasValue ? header.Date.Value - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null;
        }

        if (wait.Value < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait.Value > cap ? cap : wait.Value;
    }
}
