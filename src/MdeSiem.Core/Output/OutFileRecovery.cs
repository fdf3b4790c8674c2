using System.Collections.Generic;

namespace MdeSiem.Core.Output;

/// <summary>What a run found in its output files that its checkpoint did not cover yet (a run before it died).</summary>
public sealed class OutFileRecovery
{
    /// <summary>Records whose lines are complete in a file: they count as delivered and are not written again.</summary>
    public List<JournalEntry> Delivered { get; } = new();

    /// <summary>Bytes of a line a killed run had begun but not finished: removed, no reader can have used them.</summary>
    public long TrimmedBytes { get; set; }

    /// <summary>Complete lines with no journal entry (the journal was removed): kept, but their records may come again.</summary>
    public int UnaccountedLines { get; set; }
}
