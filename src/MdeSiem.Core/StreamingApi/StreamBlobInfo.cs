using System;

namespace MdeSiem.Core.StreamingApi;

/// <summary>A blob a read looked at: its hour and its length when listed.</summary>
public sealed class StreamBlobInfo
{
    public StreamBlobInfo(string name, DateTime hourUtc, long length)
    {
        Name = name;
        HourUtc = hourUtc;
        Length = length;
    }

    public string Name { get; }

    public DateTime HourUtc { get; }

    public long Length { get; }
}
