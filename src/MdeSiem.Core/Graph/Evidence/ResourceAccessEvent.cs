using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.resourceAccessEvent, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class ResourceAccessEvent : GraphObject
{
    public DateTime? AccessDateTime { get; set; }

    public string? AccountId { get; set; }

    public string? IpAddress { get; set; }

    public string? ResourceIdentifier { get; set; }
}
