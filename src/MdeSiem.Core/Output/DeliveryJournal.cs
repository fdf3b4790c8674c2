using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MdeSiem.Core.Output;

/// <summary>
/// A write-ahead list of the lines an -OutFile run is about to append, kept beside the checkpoint
/// (<c>&lt;checkpoint&gt;.outfile</c>). Every batch of entries reaches the operating system before the lines they
/// announce, so after a hard kill each complete line past the checkpoint's recorded length has an entry: its record
/// counts as delivered and is not written again. The journal is emptied once a checkpoint covers its lines.
/// </summary>
/// <remarks>
/// Text, one entry per line: <c>F&lt;TAB&gt;path</c> names a file (entries refer to the latest F line);
/// <c>L&lt;TAB&gt;end&lt;TAB&gt;ticks or -&lt;TAB&gt;key</c> announces a line ending at byte <c>end</c>. Keys are
/// escaped so they never hold a line break. A torn last entry (the kill came mid-write) is ignored: its line was
/// not written yet, because lines follow their entries.
/// </remarks>
public sealed class DeliveryJournal : IDisposable
{
    private const string Header = "MdeSiem.OutFileJournal\t1";
    private readonly string _path;
    private readonly StringBuilder _pending = new();
    private FileStream? _stream;
    private string? _currentFile;

    public DeliveryJournal(string path)
    {
        _path = path ?? throw new ArgumentNullException(nameof(path));
    }

    public string Path => _path;

    /// <summary>The entries a killed run left, in the order they were written.</summary>
    public IReadOnlyList<JournalEntry> ReadLeftOver()
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(_path))
        {
            return entries;
        }

        var text = File.ReadAllText(_path, Encoding.UTF8);
        var complete = text.LastIndexOf('\n');
        if (complete < 0)
        {
            return entries;
        }

        string? file = null;
        foreach (var line in text.Substring(0, complete).Split('\n'))
        {
            if (line.StartsWith("F\t", StringComparison.Ordinal))
            {
                file = line.Substring(2);
                continue;
            }

            var parts = line.Split(new[] { '\t' }, 4);
            if (parts[0] == "L" && parts.Length == 4 && file is not null
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
            {
                DateTime? time = parts[2] == "-" ? null : new DateTime(long.Parse(parts[2], CultureInfo.InvariantCulture), DateTimeKind.Utc);
                entries.Add(new JournalEntry(file, end, KeyLineEscaping.Unescape(parts[3]), time));
            }
        }

        return entries;
    }

    /// <summary>Queues the entry of a line that will end at <paramref name="end"/> in <paramref name="file"/>.</summary>
    public void Announce(string file, long end, string key, DateTime? timeUtc)
    {
        if (!string.Equals(file, _currentFile, StringComparison.Ordinal))
        {
            _pending.Append("F\t").Append(file).Append('\n');
            _currentFile = file;
        }

        _pending.Append("L\t").Append(end.ToString(CultureInfo.InvariantCulture)).Append('\t')
            .Append(timeUtc is { } time ? time.Ticks.ToString(CultureInfo.InvariantCulture) : "-").Append('\t');
        _pending.Append(KeyLineEscaping.Escape(key));
        _pending.Append('\n');
    }

    /// <summary>Hands the queued entries to the operating system (enough to survive a killed process).</summary>
    public void WritePending()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        if (_stream is null)
        {
            _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            if (_stream.Length == 0)
            {
                _pending.Insert(0, Header + "\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(_pending.ToString());
        _stream.Write(bytes, 0, bytes.Length);
        _stream.Flush();
        _pending.Clear();
    }

    /// <summary>
    /// Replaces the journal with <paramref name="entries"/> in one step (a new file renamed over the old): a kill
    /// at any moment leaves either the old entries or the new ones, never none.
    /// </summary>
    public void Replace(IEnumerable<JournalEntry> entries)
    {
        Clear(keepFile: true);
        foreach (var entry in entries)
        {
            Announce(entry.File, entry.End, entry.Key, entry.TimeUtc);
        }

        if (_pending.Length == 0)
        {
            Clear();
            return;
        }

        var replacement = _path + ".tmp";
        using (var stream = new FileStream(replacement, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = Encoding.UTF8.GetBytes(Header + "\n" + _pending);
            stream.Write(bytes, 0, bytes.Length);
        }

        _pending.Clear();
        if (File.Exists(_path))
        {
            File.Replace(replacement, _path, destinationBackupFileName: null);
        }
        else
        {
            File.Move(replacement, _path);
        }
    }

    /// <summary>Forgets every entry: a checkpoint now covers their lines.</summary>
    public void Clear() => Clear(keepFile: false);

    private void Clear(bool keepFile)
    {
        _pending.Clear();
        _currentFile = null;
        _stream?.Dispose();
        _stream = null;
        if (!keepFile && File.Exists(_path))
        {
            File.Delete(_path);
        }
    }

    public void Dispose() => _stream?.Dispose();
}
