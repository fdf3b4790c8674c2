using System.Collections.Generic;

namespace MdeSiem.Core.Mde;

/// <summary>The user an alert relates to (relatedUser).</summary>
public sealed class MdeRelatedUser
{
    public string? UserName { get; set; }

    public string? DomainName { get; set; }

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => string.IsNullOrEmpty(DomainName) ? UserName ?? string.Empty : DomainName + "\\" + UserName;
}
