using System;

namespace MdeSiem.Core.Http;

/// <summary>
/// How hard the module retries throttling (429) and service failures (5xx, transport errors). Bounded on purpose:
/// a scheduled run should fail clearly rather than hang past its next start.
/// </summary>
public sealed class RetrySettings
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off delay; doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// No single wait is longer than this: a back-off stops growing here, and an answer whose Retry-After asks for
    /// longer is returned (as a throttling error) rather than retried earlier than the service asked.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);
}
