using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.teamsMessageEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-teamsmessageevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class TeamsMessageEvidence : AlertEvidence
{
    public string? CampaignId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>microsoft.graph.security.teamsMessageDeliveryAction, as the service sends it.</summary>
    public string? DeliveryAction { get; set; }

    /// <summary>microsoft.graph.security.teamsDeliveryLocation, as the service sends it.</summary>
    public string? DeliveryLocation { get; set; }

    public List<FileEvidence> Files { get; set; } = new();

    public string? GroupId { get; set; }

    public bool? IsExternal { get; set; }

    public bool? IsOwned { get; set; }

    public DateTime? LastModifiedDateTime { get; set; }

    /// <summary>microsoft.graph.security.antispamTeamsDirection, as the service sends it.</summary>
    public string? MessageDirection { get; set; }

    public string? MessageId { get; set; }

    public Guid? OwningTenantId { get; set; }

    public string? ParentMessageId { get; set; }

    public DateTime? ReceivedDateTime { get; set; }

    public List<string> Recipients { get; set; } = new();

    public string? SenderFromAddress { get; set; }

    public string? SenderIP { get; set; }

    public string? SourceAppName { get; set; }

    public string? SourceId { get; set; }

    public string? Subject { get; set; }

    public List<string> SuspiciousRecipients { get; set; } = new();

    public string? ThreadId { get; set; }

    public string? ThreadType { get; set; }

    public List<UrlEvidence> Urls { get; set; } = new();
}
