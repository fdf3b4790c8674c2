using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// Reads and writes checkpoint files. A write goes to a temporary file in the same folder, is flushed to disk, and
/// then replaces the old file in one rename, so a crash leaves either the old or the new checkpoint, never half of
/// one. A file that cannot be trusted is an error, never silently reset: resetting would re-deliver or skip data.
/// </summary>
public static class CheckpointStore
{
    /// <summary>
    /// A value with a folder separator or a ".json" ending is a path; a bare name is a file in the state folder:
    /// $env:MDESIEM_STATE_DIR if set, else the user's local application data folder + MdeSiem/checkpoints.
    /// </summary>
    public static string ResolvePath(string pathOrName)
    {
        if (string.IsNullOrWhiteSpace(pathOrName))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "The checkpoint name is empty.");
        }

        var isPath = pathOrName.IndexOf(Path.DirectorySeparatorChar) >= 0
            || pathOrName.IndexOf(Path.AltDirectorySeparatorChar) >= 0
            || pathOrName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (isPath)
        {
            return Path.GetFullPath(pathOrName);
        }

        if (pathOrName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"'{pathOrName}' is not a valid checkpoint name.")
            {
                RecommendedAction = "Use letters, digits, '-' and '_', or give a full path ending in .json.",
            };
        }

        return Path.Combine(StateFolder(), pathOrName + ".json");
    }

    public static string StateFolder()
    {
        var configured = Environment.GetEnvironmentVariable("MDESIEM_STATE_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.Combine(configured!, "checkpoints");
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(local, "MdeSiem", "checkpoints");
    }

    /// <summary>
    /// Takes the checkpoint's lock, then reads it (a new, empty document for the pull when the file does not exist
    /// yet). The lock is released again when reading fails; otherwise the caller owns it.
    /// </summary>
    public static (string Path, CheckpointLock Lock, CheckpointDocument Document) OpenLocked(
        string pathOrName, string api, string tenantId, string scope, TimeSpan staleLockAge) =>
        OpenLocked(pathOrName, api, tenantId, scope, staleLockAge, delivered: null);

    /// <param name="delivered">
    /// When given, receives the checkpoint's delivered keys instead of <see cref="CheckpointDocument.Delivered"/>,
    /// once the lock is held (a failed huge run may have saved millions).
    /// </param>
    internal static (string Path, CheckpointLock Lock, CheckpointDocument Document) OpenLocked(
        string pathOrName, string api, string tenantId, string scope, TimeSpan staleLockAge, Action<string, DateTime>? delivered)
    {
        var path = ResolvePath(pathOrName);
        var heldLock = CheckpointLock.Acquire(path, staleLockAge);
        try
        {
            RemoveLeftoverTemporaryFiles(path);
            var document = Read(path, api, tenantId, scope, delivered)
                ?? new CheckpointDocument { Api = api, TenantId = tenantId, Scope = scope };
            return (path, heldLock, document);
        }
        catch
        {
            heldLock.Dispose();
            throw;
        }
    }

    /// <summary>The checkpoint at <paramref name="path"/>, or null when there is none yet.</summary>
    public static CheckpointDocument? Read(string path, string api, string tenantId, string scope) =>
        Read(path, api, tenantId, scope, delivered: null);

    /// <param name="delivered">When given, receives the delivered keys instead of <see cref="CheckpointDocument.Delivered"/>.</param>
    internal static CheckpointDocument? Read(string path, string api, string tenantId, string scope, Action<string, DateTime>? delivered)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        CheckpointDocument document;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            document = CheckpointFileReader.Read(stream, path, delivered);
        }
        catch (IOException exception)
        {
            throw Corrupt(path, "it cannot be read: " + exception.Message, exception);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw Corrupt(path, "it is not a valid checkpoint: " + exception.Message, exception);
        }

        if (!string.Equals(document.Api, api, StringComparison.Ordinal)
            || !string.Equals(document.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(document.Scope, scope, StringComparison.Ordinal))
        {
            throw new MdeSiemException(
                ErrorCode.CheckpointMismatch,
                $"The checkpoint '{path}' belongs to another pull ({document.Api}, tenant {document.TenantId}, scope '{document.Scope}'); this pull is {api}, tenant {tenantId}, scope '{scope}'.")
            {
                RecommendedAction = "Give each pull (API, tenant and filters) its own checkpoint file.",
                Target = path,
            };
        }

        return document;
    }

    public static void Write(string path, CheckpointDocument document) => Write(path, document, moreDelivered: null);

    /// <summary>
    /// Writes the checkpoint atomically (a temporary file, flushed to disk, then renamed over the old one).
    /// <paramref name="moreDelivered"/> are delivered keys written after the document's own (none of them among the
    /// document's), streamed rather than collected: a failed run of millions of records saves every key it delivered.
    /// </summary>
    /// <exception cref="MdeSiemException">The file could not be written (CheckpointWriteFailed); the old checkpoint stands.</exception>
    internal static void Write(string path, CheckpointDocument document, IEnumerable<KeyValuePair<string, DateTime>>? moreDelivered)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = TemporaryFileBeside(path);
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    WriteDocument(writer, document, moreDelivered);
                }

                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(path))
            {
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MdeSiemException(ErrorCode.CheckpointWriteFailed, $"The checkpoint '{path}' could not be written: {exception.Message}", exception)
            {
                RecommendedAction = "Free disk space or fix the folder's permissions and run again: the previous checkpoint stands, so nothing is lost (records of this run may be delivered again).",
                Target = path,
            };
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// A new temporary file's path beside the checkpoint (hidden, named after it). The next run that takes the lock
    /// removes every such file a killed run left.
    /// </summary>
    internal static string TemporaryFileBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");

    // A name TemporaryFileBeside gives: the prefix, a GUID as 32 hex digits, ".tmp".
    private static bool IsTemporaryFileOf(string name, string prefix) =>
        name.Length == prefix.Length + 32 + 4
        && name.StartsWith(prefix, StringComparison.Ordinal)
        && name.EndsWith(".tmp", StringComparison.Ordinal)
        && Guid.TryParseExact(name.Substring(prefix.Length, 32), "N", out _);

    // A run killed inside Write (or holding spilled keys) leaves its temporary file; only the lock holder writes, so
    // under the lock every temporary file of this checkpoint is a leftover. Only names with exactly a GUID between
    // the checkpoint's name and ".tmp" are this checkpoint's: ".cp.json.*.tmp" also matches the files of a
    // checkpoint named "cp.json.other.json", whose run may be writing them now under its own lock.
    private static void RemoveLeftoverTemporaryFiles(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return;
        }

        var prefix = "." + Path.GetFileName(path) + ".";
        foreach (var leftover in Directory.GetFiles(folder, prefix + "*.tmp"))
        {
            if (!IsTemporaryFileOf(Path.GetFileName(leftover), prefix))
            {
                continue;
            }

            try
            {
                File.Delete(leftover);
            }
            catch (IOException)
            {
                // Still open elsewhere: the next run tries again.
            }
        }
    }

    private static void WriteDocument(Utf8JsonWriter writer, CheckpointDocument document, IEnumerable<KeyValuePair<string, DateTime>>? moreDelivered)
    {
        writer.WriteStartObject();
        writer.WriteString("format", CheckpointDocument.FormatName);
        writer.WriteNumber("version", CheckpointDocument.CurrentVersion);
        writer.WriteString("api", document.Api);
        writer.WriteString("tenantId", document.TenantId);
        writer.WriteString("scope", document.Scope);
        if (document.WatermarkUtc is { } watermark)
        {
            writer.WriteString("watermarkUtc", FormatUtc(watermark));
        }
        else
        {
            writer.WriteNull("watermarkUtc");
        }

        writer.WriteString("updatedUtc", FormatUtc(document.UpdatedUtc));
        writer.WriteStartObject("delivered");
        // The writer keeps what it wrote until flushed: flushing every few thousand keys keeps a checkpoint of
        // millions of keys (a failed huge run) from being held whole in memory.
        var written = 0;
        foreach (var entry in document.Delivered)
        {
            WriteDelivered(writer, entry, ref written);
        }

        foreach (var entry in moreDelivered ?? Array.Empty<KeyValuePair<string, DateTime>>())
        {
            WriteDelivered(writer, entry, ref written);
        }

        writer.WriteEndObject();
        if (document.Positions.Count > 0)
        {
            writer.WriteStartObject("positions");
            foreach (var entry in document.Positions)
            {
                writer.WriteNumber(entry.Key, entry.Value);
            }

            writer.WriteEndObject();
        }

        if (document.Outputs.Count > 0)
        {
            writer.WriteStartObject("outputs");
            foreach (var entry in document.Outputs)
            {
                writer.WriteNumber(entry.Key, entry.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteDelivered(Utf8JsonWriter writer, KeyValuePair<string, DateTime> entry, ref int written)
    {
        writer.WriteString(entry.Key, FormatUtc(entry.Value));
        if (++written % 4096 == 0)
        {
            writer.Flush();
        }
    }

    private static string FormatUtc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static MdeSiemException Corrupt(string path, string reason, Exception inner) =>
        new(ErrorCode.CheckpointCorrupt, $"The checkpoint '{path}' cannot be used: {reason}", inner)
        {
            RecommendedAction = "Restore it from a backup, or delete it to start over from -SinceTimeUtc (records may then be delivered again).",
            Target = path,
        };
}
