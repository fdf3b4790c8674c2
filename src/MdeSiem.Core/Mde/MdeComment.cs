using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Mde;

/// <summary>A comment on a Defender for Endpoint alert or a Defender XDR incident.</summary>
public sealed class MdeComment
{
    public string? Comment { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? CreatedTime { get; set; }

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => Comment ?? string.Empty;
}
