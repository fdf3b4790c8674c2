using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.sasTokenEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-sastokenevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class SasTokenEvidence : AlertEvidence
{
    public string? AllowedIpAddresses { get; set; }

    public List<string> AllowedResourceTypes { get; set; } = new();

    public List<string> AllowedServices { get; set; } = new();

    public DateTime? ExpiryDateTime { get; set; }

    public List<string> Permissions { get; set; } = new();

    public string? Protocol { get; set; }

    public string? SignatureHash { get; set; }

    public string? SignedWith { get; set; }

    public DateTime? StartDateTime { get; set; }

    public AzureResourceEvidence? StorageResource { get; set; }
}
