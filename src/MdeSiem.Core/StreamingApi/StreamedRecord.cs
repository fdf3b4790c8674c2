using MdeSiem.Core.Errors;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// What the reader hands out for each line: the event, or the error for a line that is not a record (or neither, for
/// a record outside the time window when asked to report those), and where the line ends in its blob (a checkpoint
/// moves there once the item went down the pipeline).
/// </summary>
public sealed class StreamedRecord
{
    internal StreamedRecord(string blobName, long endOffset, StreamingEvent? streamingEvent, MdeSiemException? error)
    {
        BlobName = blobName;
        EndOffset = endOffset;
        Event = streamingEvent;
        Error = error;
    }

    public string BlobName { get; }

    public long EndOffset { get; }

    public StreamingEvent? Event { get; }

    public MdeSiemException? Error { get; }
}
