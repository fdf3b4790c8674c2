using System;

namespace MdeSiem.Core.Output;

/// <summary>
/// One line announced in the journal before it is written: the file, the offset its last byte (the newline) will
/// end at, and the record it carries (an empty key for a CSV header).
/// </summary>
public readonly struct JournalEntry
{
    public JournalEntry(string file, long end, string key, DateTime? timeUtc)
    {
        File = file;
        End = end;
        Key = key;
        TimeUtc = timeUtc;
    }

    public string File { get; }

    public long End { get; }

    public string Key { get; }

    public DateTime? TimeUtc { get; }
}
