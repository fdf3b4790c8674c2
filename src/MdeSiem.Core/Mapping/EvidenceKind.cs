namespace MdeSiem.Core.Mapping;

/// <summary>The kinds of evidence one SIEM record can name; each kind has its own identity within an alert.</summary>
internal enum EvidenceKind
{
    Process,
    File,
    Ip,
    Url,
    User,
}
