using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Output;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// Delivered record keys with their times: those a checkpoint holds from earlier runs, or those this run delivers.
/// A run looks each record up to skip what was delivered, and a failed run saves every key it delivered. A huge
/// run means millions: held as strings with their entries they cost about 250 bytes each (267 MB of growth at
/// 1,000,000 SIEM records). Here "delivered already?" uses a 128-bit hash of each key (about 40 bytes with the
/// set's own room), and the keys themselves stay in memory only up to a limit; the rest are appended to a
/// temporary file beside the checkpoint and read back once, when the run saves.
/// </summary>
/// <remarks>
/// Two different keys would have to share all 128 bits of an XxHash128 for one to be taken as delivered: for
/// 1,000,000 keys that is about one chance in 10^26. Add runs on the pipeline thread and Contains on the prefetch
/// worker, so both take one lock; Entries runs once the stream has ended. The file is removed on Dispose, and a
/// killed run's file is removed by the next run with the checkpoint's other leftover temporary files.
/// </remarks>
internal sealed class DeliveredKeys : IDisposable
{
    // The hashes in 256 sets chosen by the hash's first byte: a set that grows copies only its own entries, so a
    // million keys never hold two copies of one large table at once while it is resized.
    private const int ShardCount = 256;

    private readonly object _gate = new();
    private readonly HashSet<(ulong, ulong)>?[] _hashes = new HashSet<(ulong, ulong)>?[ShardCount];
    private int _count;
    private readonly List<KeyValuePair<string, DateTime>> _held = new();
    private readonly int _heldLimit;
    private readonly string _spillPath;
    private StreamWriter? _spill;

    // Set when a write to the spill file failed: what the file holds after that (a torn last line, keys lost from
    // the writer's buffer) cannot be trusted, so no save may take its keys from it.
    private Exception? _spillFailure;

    /// <param name="spillPath">Where the keys past <paramref name="heldLimit"/> go (created when the first one does).</param>
    /// <param name="heldLimit">How many keys stay in memory as strings.</param>
    public DeliveredKeys(string spillPath, int heldLimit)
    {
        _spillPath = spillPath ?? throw new ArgumentNullException(nameof(spillPath));
        _heldLimit = heldLimit >= 0 ? heldLimit : throw new ArgumentOutOfRangeException(nameof(heldLimit));
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public bool Contains(string key)
    {
        var hash = HashOf(key);
        lock (_gate)
        {
            return _hashes[ShardOf(hash)] is { } shard && shard.Contains(hash);
        }
    }

    /// <summary>Records a delivered key; a key added before keeps its first time.</summary>
    /// <exception cref="MdeSiemException">The key could not be written to the temporary file (CheckpointWriteFailed).</exception>
    public void Add(string key, DateTime timeUtc)
    {
        var hash = HashOf(key);
        lock (_gate)
        {
            if (!(_hashes[ShardOf(hash)] ??= new HashSet<(ulong, ulong)>()).Add(hash))
            {
                return;
            }

            _count++;

            if (_held.Count < _heldLimit)
            {
                _held.Add(new KeyValuePair<string, DateTime>(key, timeUtc));
                return;
            }

            if (_spillFailure is not null)
            {
                throw WriteFailed(_spillFailure);
            }

            try
            {
                _spill ??= new StreamWriter(new FileStream(_spillPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024), new UTF8Encoding(false));
                _spill.Write(timeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
                _spill.Write('\t');
                _spill.Write(KeyLineEscaping.Escape(key));
                _spill.Write('\n');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _spillFailure = exception;
                throw WriteFailed(exception);
            }
        }
    }

    /// <summary>Every key added, once, in the order added; read once the stream has ended.</summary>
    /// <exception cref="MdeSiemException">
    /// A key could not be written to the temporary file (CheckpointWriteFailed): the keys are not all there, so
    /// nothing is handed out that a save could take for all of them.
    /// </exception>
    public IEnumerable<KeyValuePair<string, DateTime>> Entries()
    {
        if (_spillFailure is not null)
        {
            throw WriteFailed(_spillFailure);
        }

        foreach (var entry in _held)
        {
            yield return entry;
        }

        if (_spill is null)
        {
            yield break;
        }

        try
        {
            _spill.Flush();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(exception);
        }

        using var reader = new StreamReader(new FileStream(_spillPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024), new UTF8Encoding(false));
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            var ticks = long.Parse(line.Substring(0, tab), NumberStyles.None, CultureInfo.InvariantCulture);
            yield return new KeyValuePair<string, DateTime>(KeyLineEscaping.Unescape(line.Substring(tab + 1)), new DateTime(ticks, DateTimeKind.Utc));
        }
    }

    public void Dispose()
    {
        if (_spill is null)
        {
            return;
        }

        try
        {
            _spill.Dispose();
        }
        catch (IOException)
        {
            // Disk full on the last flush: the file is removed anyway.
        }

        _spill = null;
        try
        {
            File.Delete(_spillPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Still open elsewhere: the next run removes it with the checkpoint's other leftovers.
        }
    }

    private static (ulong, ulong) HashOf(string key)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(MemoryMarshal.AsBytes(key.AsSpan()), hash);
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash.Slice(8)));
    }

    private static int ShardOf((ulong, ulong) hash) => (int)(hash.Item1 >> 56);

    private MdeSiemException WriteFailed(Exception exception) =>
        new(ErrorCode.CheckpointWriteFailed, $"The keys this run delivered could not be written beside the checkpoint: {exception.Message}", exception)
        {
            RecommendedAction = "Free disk space or fix the checkpoint folder's permissions and run again: the checkpoint was not moved, so nothing is lost (records of this run may be delivered again).",
            Target = _spillPath,
        };
}
