using System.Globalization;
using System.Text;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Writes a record as one CEF:0 line: "CEF:0|vendor|product|version|signature id|name|severity|extensions".
/// Escaping follows the ArcSight CEF implementation standard: in the header a backslash and a pipe are escaped
/// with a backslash; in extension values a backslash and an equals sign are, and line breaks become \n and \r.
/// A header field cannot carry a line break (CEF gives no escape for one there), so it becomes a space.
/// </summary>
public static class CefFormatter
{
    public static string Format(IFieldSource source, FieldOverrides? overrides = null, FieldMapProfile? profile = null)
    {
        profile ??= FieldMapProfiles.For(source);
        overrides ??= FieldOverrides.None;

        var builder = new StringBuilder(512);
        builder.Append("CEF:0|");
        EventLineEscaping.AppendHeaderField(builder, profile.Vendor);
        EventLineEscaping.AppendHeaderField(builder, profile.Product);
        EventLineEscaping.AppendHeaderField(builder, profile.Version);
        EventLineEscaping.AppendHeaderField(builder, FieldValues.ToText(FieldValues.First(source, profile.SignatureIdSources)) ?? profile.SignatureIdFallback);
        EventLineEscaping.AppendHeaderField(builder, FieldValues.ToText(FieldValues.First(source, profile.NameSources)) ?? string.Empty);
        var severity = FieldValues.ToText(FieldValues.First(source, profile.SeveritySources));
        EventLineEscaping.AppendHeaderField(builder, SeverityScale.ToCef(severity).ToString(CultureInfo.InvariantCulture));

        var first = true;
        foreach (var pair in MappedFields.Resolve(source, profile.CefExtensions, overrides))
        {
            if (!first)
            {
                builder.Append(' ');
            }

            first = false;
            builder.Append(pair.Key).Append('=');
            EventLineEscaping.AppendValue(builder, pair.Value, '=');
        }

        return builder.ToString();
    }

    public static string EscapeHeader(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        EventLineEscaping.AppendHeaderText(builder, value);
        return builder.ToString();
    }

    public static string EscapeExtensionValue(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        EventLineEscaping.AppendValue(builder, value, '=');
        return builder.ToString();
    }
}
