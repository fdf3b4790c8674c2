namespace MdeSiem.Core.Siem;

/// <summary>The type a SIEM API field is read as.</summary>
internal enum SiemFieldKind
{
    Text,
    Time,
    Flag,
    Int32,
    Int64,
}
