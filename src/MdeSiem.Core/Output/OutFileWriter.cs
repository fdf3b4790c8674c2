using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Output;

/// <summary>
/// Appends one line per record to the -OutFile file(s) so that a checkpoint can promise exactly once to disk, even
/// under a hard kill: every line is announced in the <see cref="DeliveryJournal"/> before it is written, lines are
/// written whole (a batch ends on a newline), and <see cref="FlushToDisk"/> puts them on stable storage before the
/// checkpoint that covers them is committed. A run that finds complete lines past what its checkpoint covers
/// (<see cref="Recover"/>) keeps them and counts their records as delivered; only a trailing partial line, which no
/// reader that stops at the last newline has seen, is removed.
/// </summary>
public sealed class OutFileWriter : IDisposable
{
    // Lines are handed to the operating system in batches of about this size: few system calls, and a kill loses
    // at most one batch (its records were not delivered and come again).
    private const int BatchBytes = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly OutFileName _name;
    private readonly DeliveryJournal? _journal;
    private readonly IReadOnlyDictionary<string, long> _covered;
    private readonly Func<DateTime> _utcNow;
    private readonly Dictionary<string, FileStream> _touched = new(StringComparer.Ordinal);
    private readonly MemoryStream _batch = new();
    private FileStream? _current;
    private string? _currentPath;
    private long _length;

    /// <param name="name">The -OutFile path, possibly with a date item.</param>
    /// <param name="journal">The journal beside the checkpoint; null for a pull without one (plain appending).</param>
    /// <param name="coveredLengths">The file lengths the checkpoint covers (its recorded outputs).</param>
    /// <param name="utcNow">The clock that picks the dated file.</param>
    public OutFileWriter(OutFileName name, DeliveryJournal? journal, IReadOnlyDictionary<string, long> coveredLengths, Func<DateTime> utcNow)
    {
        _name = name ?? throw new ArgumentNullException(nameof(name));
        _journal = journal;
        _covered = coveredLengths ?? throw new ArgumentNullException(nameof(coveredLengths));
        _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
    }

    /// <summary>True once a write failed: what reached the disk is told by the file and the journal, not by memory.</summary>
    public bool Faulted { get; private set; }

    /// <summary>
    /// Reads what a killed run left: complete journaled lines past the covered length count as delivered, a
    /// trailing partial line is cut off. The journal is then rewritten with just the delivered lines, so offsets of
    /// lines that were announced but never written cannot be mistaken for lines this run writes at the same place.
    /// </summary>
    public OutFileRecovery Recover()
    {
        var recovery = new OutFileRecovery();
        if (_journal is null)
        {
            return recovery;
        }

        var entries = _journal.ReadLeftOver();
        var files = entries.Select(entry => entry.File).Concat(_covered.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            RecoverFile(file, entries.Where(entry => string.Equals(entry.File, file, StringComparison.Ordinal)), recovery);
        }

        Guard(() => _journal.Replace(recovery.Delivered));
        return recovery;
    }

    /// <summary>
    /// Appends one record's line (without its newline). <paramref name="header"/> gives a first line for a file
    /// that is still empty (CSV); it is read only then.
    /// </summary>
    public void WriteLine(string key, DateTime? timeUtc, string line, Func<string>? header = null)
    {
        if (line is null)
        {
            throw new ArgumentNullException(nameof(line));
        }

        var bytes = Utf8.GetBytes(line);
        WriteLine(key, timeUtc, new ArraySegment<byte>(bytes), header);
    }

    /// <summary>As <see cref="WriteLine(string, DateTime?, string, Func{string}?)"/>, for a line already in UTF-8.</summary>
    public void WriteLine(string key, DateTime? timeUtc, ArraySegment<byte> utf8Line, Func<string>? header = null)
    {
        if (Faulted)
        {
            throw new InvalidOperationException("The output file failed earlier in this run.");
        }

        var path = _name.PathAt(_utcNow());
        if (!string.Equals(path, _currentPath, StringComparison.Ordinal))
        {
            SwitchTo(path);
        }

        if (_length == 0 && header is not null)
        {
            Append(string.Empty, null, new ArraySegment<byte>(Utf8.GetBytes(header())));
        }

        Append(key, timeUtc, utf8Line);
        if (_batch.Length >= BatchBytes)
        {
            WriteBatch();
        }
    }

    /// <summary>
    /// Hands what is batched to the operating system without waiting for stable storage: the end of a run that no
    /// checkpoint counts on, which leaves its file as Add-Content or Export-Csv leave theirs.
    /// </summary>
    public void WriteOut() => WriteBatch();

    /// <summary>Writes what is batched and flushes every file of this run to stable storage; returns their lengths.</summary>
    public IReadOnlyDictionary<string, long> FlushToDisk()
    {
        WriteBatch();
        Guard(() =>
        {
            foreach (var stream in _touched.Values)
            {
                stream.Flush(flushToDisk: true);
            }
        });
        return _touched.ToDictionary(entry => entry.Key, entry => entry.Value.Length, StringComparer.Ordinal);
    }

    /// <summary>The checkpoint now covers every line written: the journal can go.</summary>
    public void ForgetJournal() => _journal?.Clear();

    public void Dispose()
    {
        foreach (var stream in _touched.Values)
        {
            stream.Dispose();
        }

        _journal?.Dispose();
        _batch.Dispose();
    }

    private void RecoverFile(string file, IEnumerable<JournalEntry> entries, OutFileRecovery recovery)
    {
        var actual = File.Exists(file) ? new FileInfo(file).Length : 0;
        var covered = _covered.TryGetValue(file, out var length) && length <= actual ? length : 0;
        var lastComplete = covered;
        foreach (var entry in entries)
        {
            // The journal holds only entries since the last commit, so a complete line it announces is this
            // checkpoint's to count even below the covered length: a shipper may have truncated the file since.
            if (entry.End <= actual)
            {
                if (entry.Key.Length > 0)
                {
                    recovery.Delivered.Add(entry);
                }

                lastComplete = Math.Max(lastComplete, entry.End);
            }
        }

        if (actual <= lastComplete)
        {
            return;
        }

        Guard(() =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var tail = new byte[actual - lastComplete];
            stream.Position = lastComplete;
            var read = 0;
            while (read < tail.Length)
            {
                var count = stream.Read(tail, read, tail.Length - read);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            var lastNewline = Array.LastIndexOf(tail, (byte)'\n', read - 1);
            recovery.UnaccountedLines += tail.Take(read).Count(b => b == (byte)'\n');
            var keep = lastNewline < 0 ? lastComplete : lastComplete + lastNewline + 1;
            if (keep < actual)
            {
                stream.SetLength(keep);
                stream.Flush(flushToDisk: true);
                recovery.TrimmedBytes += actual - keep;
            }
        });
    }

    private void SwitchTo(string path)
    {
        WriteBatch();
        if (!_touched.TryGetValue(path, out var stream))
        {
            stream = Guard(() =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var opened = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 1);
                opened.Seek(0, SeekOrigin.End);
                return opened;
            });
            _touched[path] = stream;
        }

        _current = stream;
        _currentPath = path;
        _length = stream.Length;
    }

    private void Append(string key, DateTime? timeUtc, ArraySegment<byte> line)
    {
        // Write, not SetLength and a copy: growing a MemoryStream's length clears the new bytes first, a second pass
        // over every line's bytes that was a few percent of an -OutFile pull.
        _batch.Write(line.Array!, line.Offset, line.Count);
        _batch.WriteByte((byte)'\n');
        _length += line.Count + 1;
        _journal?.Announce(_currentPath!, _length, key, timeUtc);
    }

    // Entries first, then the lines they announce: a kill between the two leaves entries past the end of the file,
    // which the next run ignores.
    private void WriteBatch()
    {
        if (_batch.Length == 0 || _current is null)
        {
            return;
        }

        Guard(() =>
        {
            _journal?.WritePending();
            _current.Write(_batch.GetBuffer(), 0, (int)_batch.Length);
            _current.Flush();
        });
        _batch.SetLength(0);
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Faulted = true;
            throw new MdeSiemException(ErrorCode.OutFileWriteFailed, $"The output file could not be written: {exception.Message}", exception)
            {
                RecommendedAction = "Free disk space or fix the folder's permissions and run again: the checkpoint was not moved, so nothing is lost and nothing already written is written again.",
                Target = _currentPath,
            };
        }
    }
}
