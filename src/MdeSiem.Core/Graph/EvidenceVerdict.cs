namespace MdeSiem.Core.Graph;

/// <summary>
/// The automated investigation's verdict on one evidence (microsoft.graph.security.evidenceVerdict, members in the
/// v1.0 metadata's order). Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.
/// </summary>
public enum EvidenceVerdict
{
    Unknown,
    Suspicious,
    Malicious,
    NoThreatsFound,
    UnknownFutureValue,
}
