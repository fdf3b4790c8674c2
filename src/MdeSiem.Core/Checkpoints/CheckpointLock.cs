using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// One run at a time per checkpoint: a lock file beside it, created exclusively, naming the machine, process and
/// start time. A lock whose process is gone (same machine) or that is older than the stale age is taken over, so
/// a run killed by a reboot or a runbook timeout does not block every later run.
/// </summary>
public sealed class CheckpointLock : IDisposable
{
    private readonly string _lockPath;
    private FileStream? _stream;

    private CheckpointLock(string lockPath, FileStream stream)
    {
        _lockPath = lockPath;
        _stream = stream;
    }

    public static CheckpointLock Acquire(string checkpointPath, TimeSpan staleAge)
    {
        var lockPath = checkpointPath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                var owner = string.Join("|", Environment.MachineName, Process.GetCurrentProcess().Id.ToString(CultureInfo.InvariantCulture), DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                var bytes = Encoding.UTF8.GetBytes(owner);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
                return new CheckpointLock(lockPath, stream);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                if (attempt > 0 || !IsStale(lockPath, staleAge))
                {
                    throw new MdeSiemException(
                        ErrorCode.CheckpointLocked,
                        $"Another run is using the checkpoint '{checkpointPath}' (lock: {Describe(lockPath)}).")
                    {
                        RecommendedAction = "Wait for that run to finish. If it died, its lock is taken over once it is older than the stale age, or delete the .lock file.",
                        Target = checkpointPath,
                    };
                }

                File.Delete(lockPath);
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    public void Dispose()
    {
        if (_stream is null)
        {
            return;
        }

        _stream.Dispose();
        _stream = null;
        File.Delete(_lockPath);
    }

    private static bool IsStale(string lockPath, TimeSpan staleAge)
    {
        string[] parts;
        try
        {
            parts = File.ReadAllText(lockPath).Split('|');
        }
        catch (IOException)
        {
            return false; // still being written by its owner
        }

        if (parts.Length != 3
            || !DateTime.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var processId))
        {
            // Unreadable content: judge by the file's age alone.
            return DateTime.UtcNow - File.GetLastWriteTimeUtc(lockPath) > staleAge;
        }

        if (DateTime.UtcNow - started.ToUniversalTime() > staleAge)
        {
            return true;
        }

        return string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !IsRunning(processId);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Describe(string lockPath)
    {
        try
        {
            return File.ReadAllText(lockPath).Replace("|", ", ");
        }
        catch (IOException)
        {
            return "unreadable";
        }
    }
}
