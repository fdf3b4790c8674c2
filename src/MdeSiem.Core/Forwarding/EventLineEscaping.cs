using System.Text;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// The escaping CEF and LEEF lines share. Both standards escape a backslash and a pipe in a header field with a
/// backslash and give no escape for a line break there (it becomes a space, so the event stays on one line); in a
/// value, both escape a backslash and their separator (CEF's '=', LEEF's attribute delimiter) with a backslash and
/// write line breaks as \n and \r.
/// </summary>
internal static class EventLineEscaping
{
    /// <summary>A header field and the pipe that ends it.</summary>
    public static void AppendHeaderField(StringBuilder builder, string value)
    {
        AppendHeaderText(builder, value);
        builder.Append('|');
    }

    public static void AppendHeaderText(StringBuilder builder, string value)
    {
        foreach (var character in value)
        {
            switch (character)
            {
                case '\\':
                case '|':
                    builder.Append('\\').Append(character);
                    break;
                case '\r':
                case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(character);
                    break;
            }
        }
    }

    /// <param name="separator">The character that would end the value unescaped: '=' in CEF, the delimiter in LEEF.</param>
    public static void AppendValue(StringBuilder builder, string value, char separator)
    {
        foreach (var character in value)
        {
            if (character == '\\' || character == separator)
            {
                builder.Append('\\').Append(character);
            }
            else if (character == '\n')
            {
                builder.Append("\\n");
            }
            else if (character == '\r')
            {
                builder.Append("\\r");
            }
            else
            {
                builder.Append(character);
            }
        }
    }
}
