using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>An email message (#microsoft.graph.security.analyzedMessageEvidence).</summary>
public sealed class AnalyzedMessageEvidence : AlertEvidence
{
    public string? AntiSpamDirection { get; set; }

    public long? AttachmentsCount { get; set; }

    public string? DeliveryAction { get; set; }

    public string? DeliveryLocation { get; set; }

    public string? InternetMessageId { get; set; }

    public string? Language { get; set; }

    public string? NetworkMessageId { get; set; }

    public EmailSender? P1Sender { get; set; }

    public EmailSender? P2Sender { get; set; }

    public DateTime? ReceivedDateTime { get; set; }

    public string? RecipientEmailAddress { get; set; }

    public string? SenderIp { get; set; }

    public string? Subject { get; set; }

    public List<string> ThreatDetectionMethods { get; set; } = new();

    public List<string> Threats { get; set; } = new();

    public long? UrlCount { get; set; }

    public List<string> Urls { get; set; } = new();

    public string? Urn { get; set; }

    protected override string? Identity => Subject ?? NetworkMessageId;
}
