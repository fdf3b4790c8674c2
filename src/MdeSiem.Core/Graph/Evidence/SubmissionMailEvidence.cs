using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.submissionMailEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-submissionmailevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class SubmissionMailEvidence : AlertEvidence
{
    public string? NetworkMessageId { get; set; }

    public string? Recipient { get; set; }

    public string? ReportType { get; set; }

    public string? Sender { get; set; }

    public string? SenderIp { get; set; }

    public string? Subject { get; set; }

    public DateTime? SubmissionDateTime { get; set; }

    public string? SubmissionId { get; set; }

    public string? Submitter { get; set; }
}
