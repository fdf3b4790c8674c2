using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.mailboxConfigurationEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-mailboxconfigurationevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class MailboxConfigurationEvidence : AlertEvidence
{
    public string? ConfigurationId { get; set; }

    /// <summary>microsoft.graph.security.mailboxConfigurationType, as the service sends it.</summary>
    public string? ConfigurationType { get; set; }

    public string? DisplayName { get; set; }

    public Guid? ExternalDirectoryObjectId { get; set; }

    public string? MailboxPrimaryAddress { get; set; }

    public string? Upn { get; set; }
}
