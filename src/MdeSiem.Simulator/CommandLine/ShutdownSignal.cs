using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace MdeSiem.Simulator.CommandLine;

/// <summary>
/// Waits for the reason to stop: Ctrl+C, SIGTERM, or (when asked) the end of standard input, which lets a parent
/// process such as a Pester run stop the simulator just by closing the pipe, even if it dies without cleaning up.
/// </summary>
internal static class ShutdownSignal
{
    public static async Task WaitAsync(bool exitOnStandardInputClose)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            // Cancel the default (immediate exit) so the server can shut down and the process exit with 0.
            context.Cancel = true;
            stop.TrySetResult();
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (exitOnStandardInputClose)
        {
            _ = Task.Run(() =>
            {
                using Stream input = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                    // Anything written to stdin is ignored; only its end matters.
                }

                stop.TrySetResult();
            });
        }

        await stop.Task.ConfigureAwait(false);
    }
}
