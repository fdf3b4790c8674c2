using System.Globalization;
using System.Text;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Writes a record as one LEEF 2.0 event for QRadar: "LEEF:2.0|vendor|product|version|event id|delimiter|" then
/// key=value attributes separated by the delimiter (a tab unless chosen). The delimiter field is the character
/// itself, or "xHH" (its hex code) when it is a control or space character, as LEEF 2.0 allows; a tab is "x09".
/// Header fields escape a backslash and a pipe with a backslash; attribute values escape a backslash and the
/// delimiter with a backslash and write line breaks as \n and \r, so one event stays on one line. devTime is
/// written with its devTimeFormat and sev (1-10) from the severity, as QRadar reads them.
/// </summary>
public static class LeefFormatter
{
    public const char DefaultDelimiter = '\t';

    /// <summary>The devTimeFormat written with devTime (Java SimpleDateFormat; X reads the trailing Z).</summary>
    public const string DevTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSX";

    public static string Format(IFieldSource source, char delimiter = DefaultDelimiter, FieldOverrides? overrides = null, FieldMapProfile? profile = null)
    {
        ValidateDelimiter(delimiter);
        profile ??= FieldMapProfiles.For(source);
        overrides ??= FieldOverrides.None;

        var builder = new StringBuilder(512);
        builder.Append("LEEF:2.0|");
        EventLineEscaping.AppendHeaderField(builder, profile.Vendor);
        EventLineEscaping.AppendHeaderField(builder, profile.Product);
        EventLineEscaping.AppendHeaderField(builder, profile.Version);
        EventLineEscaping.AppendHeaderField(builder, FieldValues.ToText(FieldValues.First(source, profile.SignatureIdSources)) ?? profile.SignatureIdFallback);
        builder.Append(DelimiterField(delimiter)).Append('|');

        var first = true;
        void Attribute(string key, string value)
        {
            if (!first)
            {
                builder.Append(delimiter);
            }

            first = false;
            builder.Append(key).Append('=');
            EventLineEscaping.AppendValue(builder, value, delimiter);
        }

        var severity = FieldValues.ToText(FieldValues.First(source, profile.SeveritySources));
        var sev = System.Math.Max(1, SeverityScale.ToCef(severity));
        foreach (var pair in MappedFields.Resolve(source, profile.LeefAttributes, overrides))
        {
            if (pair.Key == "devTime")
            {
                Attribute("devTimeFormat", DevTimeFormat);
            }

            Attribute(pair.Key, pair.Value);
            if (pair.Key == "cat")
            {
                Attribute("sev", sev.ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The header's delimiter field: the character, or xHH for control and space characters.</summary>
    public static string DelimiterField(char delimiter) =>
        delimiter <= ' ' || delimiter == 0x7F
            ? "x" + ((int)delimiter).ToString("X2", CultureInfo.InvariantCulture)
            : delimiter.ToString();

    public static void ValidateDelimiter(char delimiter)
    {
        if (char.IsLetterOrDigit(delimiter) || delimiter is '=' or '\\' or '|' or '\r' or '\n' or '_' || delimiter > 0x7F)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"The character U+{(int)delimiter:X4} cannot delimit LEEF attributes.")
            {
                RecommendedAction = "Use a tab (the default), '^', ';' or another ASCII punctuation character.",
            };
        }
    }
}
