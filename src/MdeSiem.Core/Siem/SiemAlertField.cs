using System.Text;

namespace MdeSiem.Core.Siem;

/// <summary>One SIEM API field: its wire name (also as UTF-8, to compare without decoding) and how to read it.</summary>
internal sealed class SiemAlertField
{
    public SiemAlertField(string name, SiemAlertFields.FieldReader read)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        Read = read;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public SiemAlertFields.FieldReader Read { get; }
}
