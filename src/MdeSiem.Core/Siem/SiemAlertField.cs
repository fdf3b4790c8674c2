using System;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Siem;

/// <summary>
/// One SIEM API field: its wire name (also as UTF-8, to compare without decoding), the type it is read as, and the
/// setter of its <see cref="MdeSiemAlert"/> property. The JSON parser and the reader of old exports both use it.
/// </summary>
internal sealed class SiemAlertField
{
    private readonly Action<MdeSiemAlert, string?>? _setText;
    private readonly Action<MdeSiemAlert, DateTime?>? _setTime;
    private readonly Action<MdeSiemAlert, bool?>? _setFlag;
    private readonly Action<MdeSiemAlert, long?>? _setNumber;

    private SiemAlertField(
        string name,
        SiemFieldKind kind,
        Action<MdeSiemAlert, string?>? setText = null,
        Action<MdeSiemAlert, DateTime?>? setTime = null,
        Action<MdeSiemAlert, bool?>? setFlag = null,
        Action<MdeSiemAlert, long?>? setNumber = null,
        bool repeats = false)
    {
        Name = name;
        Repeats = repeats;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        Kind = kind;
        _setText = setText;
        _setTime = setTime;
        _setFlag = setFlag;
        _setNumber = setNumber;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public SiemFieldKind Kind { get; }

    /// <summary>
    /// True for a text field with a few values that come again and again (severity, category, source, threat
    /// category, remediation action, device group): read through the thread's value cache, not as a new string each time.
    /// </summary>
    public bool Repeats { get; }

    public static SiemAlertField Text(string name, Action<MdeSiemAlert, string?> set) => new(name, SiemFieldKind.Text, setText: set);

    /// <summary>A text field whose values repeat from record to record (see <see cref="Repeats"/>).</summary>
    public static SiemAlertField RepeatedText(string name, Action<MdeSiemAlert, string?> set) => new(name, SiemFieldKind.Text, setText: set, repeats: true);

    public static SiemAlertField Time(string name, Action<MdeSiemAlert, DateTime?> set) => new(name, SiemFieldKind.Time, setTime: set);

    public static SiemAlertField Flag(string name, Action<MdeSiemAlert, bool?> set) => new(name, SiemFieldKind.Flag, setFlag: set);

    public static SiemAlertField Number(string name, SiemFieldKind kind, Action<MdeSiemAlert, long?> set) => new(name, kind, setNumber: set);

    public void SetText(MdeSiemAlert alert, string? value) => _setText!(alert, value);

    public void SetTime(MdeSiemAlert alert, DateTime? value) => _setTime!(alert, value);

    public void SetFlag(MdeSiemAlert alert, bool? value) => _setFlag!(alert, value);

    public void SetNumber(MdeSiemAlert alert, long? value) => _setNumber!(alert, value);

    /// <summary>
    /// Reads the reader's current value into the record; false when the value is not of a readable shape.
    /// <paramref name="repeated"/> is the thread's value cache (fetched once per record by the parser).
    /// </summary>
    public bool Read(ref Utf8JsonReader reader, MdeSiemAlert alert, JsonStringCache repeated)
    {
        switch (Kind)
        {
            case SiemFieldKind.Text:
                if (!JsonValueReaders.TryReadString(ref reader, Repeats ? repeated : null, out var text))
                {
                    return false;
                }

                SetText(alert, text);
                return true;
            case SiemFieldKind.Time:
                if (!JsonValueReaders.TryReadUtcDateTime(ref reader, out var time))
                {
                    return false;
                }

                SetTime(alert, time);
                return true;
            case SiemFieldKind.Flag:
                if (!JsonValueReaders.TryReadBoolean(ref reader, out var flag))
                {
                    return false;
                }

                SetFlag(alert, flag);
                return true;
            default:
                if (!JsonValueReaders.TryReadInt64(ref reader, out var number))
                {
                    return false;
                }

                SetNumber(alert, number);
                return true;
        }
    }
}
