using System;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// One whole line of a blob, without its line break, and the blob offset just past the break: where the next run
/// resumes once this line has been delivered. The bytes are valid only until the reader moves on.
/// </summary>
internal readonly struct BlobLine
{
    public BlobLine(ReadOnlyMemory<byte> bytes, long endOffset)
    {
        Bytes = bytes;
        EndOffset = endOffset;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public long EndOffset { get; }
}
