namespace MdeSiem.Simulator.Generation;

/// <summary>
/// Distinct salts so that, for one record, the hash that picks its template is unrelated to the one that picks its
/// machine or its jitter. Arbitrary constants; changing one changes the generated data set.
/// </summary>
internal static class HashPurpose
{
    public const ulong AlertSizes = 0x01;
    public const ulong Jitter = 0x02;
    public const ulong Tie = 0x03;
    public const ulong Template = 0x04;
    public const ulong Machine = 0x05;
    public const ulong AlertDelay = 0x06;
    public const ulong Severity = 0x07;
    public const ulong Evidence = 0x08;
    public const ulong User = 0x09;
    public const ulong Blank = 0x0A;
    public const ulong Identity = 0x0B;
    public const ulong Remediation = 0x0C;
    public const ulong Network = 0x0D;
    public const ulong Catalog = 0x0E;
    public const ulong AlertNumber = 0x0F;
}
