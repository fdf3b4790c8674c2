using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;
using Polly;
using Polly.Retry;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Tries a connect again after a failure that may pass (refused, unreachable, reset, timed out: a collector that is
/// restarting) with Polly: exponential back-off with jitter from <see cref="SyslogSenderOptions.ConnectRetryDelay"/>,
/// each wait at most <see cref="SyslogSenderOptions.ConnectRetryMaxDelay"/>, at most
/// <see cref="SyslogSenderOptions.ConnectRetries"/> times. A refused certificate or client does not pass by waiting,
/// so it is not retried.
/// </summary>
internal sealed class SyslogConnectRetry
{
    private readonly ResiliencePipeline _pipeline;

    public SyslogConnectRetry(SyslogSenderOptions options, string destination)
    {
        if (options.ConnectRetries <= 0)
        {
            // Polly refuses zero attempts; zero retries is simply no retry strategy.
            _pipeline = ResiliencePipeline.Empty;
            return;
        }

        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.ConnectRetries,
                Delay = options.ConnectRetryDelay,
                MaxDelay = options.ConnectRetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder()
                    .Handle<SocketException>()
                    .Handle<TimeoutException>()
                    .Handle<IOException>(exception => exception is not SyslogRejectedException),
                OnRetry = arguments =>
                {
                    RequestLog.Write(string.Format(
                        CultureInfo.InvariantCulture,
                        "Could not connect to {0} ({1}); attempt {2} of {3} in {4:0.0} s.",
                        destination,
                        arguments.Outcome.Exception?.Message,
                        arguments.AttemptNumber + 2,
                        options.ConnectRetries + 1,
                        arguments.RetryDelay.TotalSeconds));
                    return default;
                },
            })
            .Build();
    }

    public async Task<T> OpenAsync<T>(Func<CancellationToken, Task<T>> open, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async token => await open(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}
