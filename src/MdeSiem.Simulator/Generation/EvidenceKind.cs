namespace MdeSiem.Simulator.Generation;

/// <summary>What one part of an alert is about; each part of a multi-part alert carries different evidence.</summary>
internal enum EvidenceKind
{
    File,
    Process,
    Network,
    User,
}
