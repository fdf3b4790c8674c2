using System.Collections.Generic;

namespace MdeSiem.Core.Output;

/// <summary>
/// What -OutFile needs of a checkpoint to promise exactly once to disk, whatever the checkpoint keeps (record keys
/// and a watermark, blob offsets, partition sequence numbers): where its journal lives, which file lengths it
/// covers, how to count a journaled line a killed run left as delivered, and where to record the lengths before it
/// commits. One contract, so every pull writes its file through the same <see cref="OutFileWriter"/>.
/// </summary>
public interface IOutFileCheckpoint
{
    /// <summary>The checkpoint file; its -OutFile journal is <c>&lt;Path&gt;.outfile</c>.</summary>
    string Path { get; }

    /// <summary>The -OutFile lengths the checkpoint covers, per file.</summary>
    IReadOnlyDictionary<string, long> CoveredOutputs { get; }

    /// <summary>A line a killed run wrote completely: its record (the entry's key) counts as delivered.</summary>
    void AdoptDelivered(JournalEntry entry);

    /// <summary>The files' lengths once this run's lines are on stable storage, saved with the next commit.</summary>
    void RecordOutputs(IReadOnlyDictionary<string, long> lengths);
}
