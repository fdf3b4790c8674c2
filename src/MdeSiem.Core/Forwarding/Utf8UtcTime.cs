using System;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// The module's one form of a UTC time, <c>yyyy-MM-ddTHH:mm:ss.FFFFFFFZ</c> (round trip, the fraction's trailing zeros
/// trimmed and no point when there is no fraction, as the SIEM API writes times), written as UTF-8 into a caller's
/// buffer. <see cref="FieldValues.FormatUtc"/> and -OutFile's JSON lines both use it; a line holds about five times,
/// and <see cref="DateTime.ToString(string, IFormatProvider)"/> parsed its format string and built a string for each.
/// </summary>
internal static class Utf8UtcTime
{
    /// <summary>The longest form: 20 characters, a point and seven fraction digits.</summary>
    public const int MaxLength = 28;

    /// <summary>Writes <paramref name="utc"/> (already UTC) into <paramref name="destination"/>; returns the length.</summary>
    public static int Format(DateTime utc, Span<byte> destination)
    {
        WriteDigits(destination, 0, utc.Year, 4);
        destination[4] = (byte)'-';
        WriteDigits(destination, 5, utc.Month, 2);
        destination[7] = (byte)'-';
        WriteDigits(destination, 8, utc.Day, 2);
        destination[10] = (byte)'T';
        WriteDigits(destination, 11, utc.Hour, 2);
        destination[13] = (byte)':';
        WriteDigits(destination, 14, utc.Minute, 2);
        destination[16] = (byte)':';
        WriteDigits(destination, 17, utc.Second, 2);
        var length = 19;
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            destination[19] = (byte)'.';
            WriteDigits(destination, 20, fraction, 7);
            length = 27;
            while (destination[length - 1] == (byte)'0')
            {
                length--;
            }
        }

        destination[length] = (byte)'Z';
        return length + 1;
    }

    private static void WriteDigits(Span<byte> destination, int offset, int value, int count)
    {
        for (var i = offset + count - 1; i >= offset; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
