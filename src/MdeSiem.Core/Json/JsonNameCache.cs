using System;
using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// The property names a thread has read lately, found again by their UTF-8 bytes. Every record of a table has the
/// same two dozen column names; reading each as a new string (transcoded from UTF-8, then hashed again by the
/// setter's lookup) was a fifth of parsing a Streaming API record. A fixed number of slots, the newest name winning
/// a slot, so a body of ever-new names costs memory only as large as the table.
/// </summary>
internal sealed class JsonNameCache
{
    private const int Slots = 256;

    [ThreadStatic]
    private static JsonNameCache? _ofThisThread;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string?[] _names = new string[Slots];

    /// <summary>This thread's cache: fetch it once per record, not once per name.</summary>
    public static JsonNameCache OfThisThread => _ofThisThread ??= new JsonNameCache();

    /// <summary>The reader's current property name (as <see cref="Utf8JsonReader.GetString"/> reads it).</summary>
    public string NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var slot = SlotOf(bytes);
        if (_keys[slot] is { } key && bytes.SequenceEqual(key))
        {
            return _names[slot]!;
        }

        var name = reader.GetString()!;
        _keys[slot] = bytes.ToArray();
        _names[slot] = name;
        return name;
    }

    // The length and three bytes: column names of one table differ in those, and a collision costs only a string.
    private static int SlotOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }

        var length = bytes.Length;
        var mix = (length * 31) ^ bytes[0] ^ (bytes[length - 1] * 7) ^ (bytes[length / 2] * 13);
        return mix & (Slots - 1);
    }
}
