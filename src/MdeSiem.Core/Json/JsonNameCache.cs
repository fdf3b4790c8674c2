using System;
using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// The property names a thread has read lately, found again by their UTF-8 bytes. Every record of a table has the
/// same two dozen column names; reading each as a new string (transcoded from UTF-8, then hashed again by the
/// setter's lookup) was a fifth of parsing a Streaming API record. A fixed number of slots, the newest name winning
/// a slot, so a body of ever-new names costs memory only as large as the table.
/// </summary>
internal static class JsonNameCache
{
    private const int Slots = 256;

    [ThreadStatic]
    private static byte[]?[]? _keys;

    [ThreadStatic]
    private static string?[]? _names;

    /// <summary>The reader's current property name (as <see cref="Utf8JsonReader.GetString"/> reads it).</summary>
    public static string NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var keys = _keys ??= new byte[Slots][];
        var names = _names ??= new string[Slots];
        var slot = (int)(Hash(bytes) & (Slots - 1));
        if (keys[slot] is { } key && bytes.SequenceEqual(key))
        {
            return names[slot]!;
        }

        var name = reader.GetString()!;
        keys[slot] = bytes.ToArray();
        names[slot] = name;
        return name;
    }

    // FNV-1a: names are short, and any spread of them over the slots will do.
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
