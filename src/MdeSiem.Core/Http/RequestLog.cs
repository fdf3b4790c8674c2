using System;
using System.Threading;

namespace MdeSiem.Core.Http;

/// <summary>
/// Carries log lines from HTTP handlers (which run on thread-pool threads) to whoever started the call. The caller
/// sets <see cref="Current"/> before calling into the core; the value flows with the async calls it makes, and the
/// cmdlet layer queues the lines and writes them from the pipeline thread.
/// </summary>
public static class RequestLog
{
    private static readonly AsyncLocal<Action<string>?> Sink = new();

    public static Action<string>? Current
    {
        get => Sink.Value;
        set => Sink.Value = value;
    }

    internal static void Write(string message) => Sink.Value?.Invoke(message);
}
