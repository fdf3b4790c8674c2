using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// Strings a thread has read lately, found again by their UTF-8 bytes as they stand in the JSON (escapes and all:
/// the same bytes always unescape to the same string). Every record of a table has the same two dozen column names
/// and the same few values in its categorical columns (tenant, category, severity, detection source, entity type);
/// reading each as a new string (transcoded from UTF-8, then collected again) was a fifth of parsing a Streaming
/// API record. A fixed number of slots, two for each hash, the newest string winning the older slot, so a body of
/// ever-new strings costs memory only as large as the table.
/// </summary>
/// <remarks>
/// Two slots per hash: with one, two column names of one record that shared a slot (DetectionSource and
/// EvidenceRole did under the earlier hash) pushed each other out on every record, and both were read anew.
/// </remarks>
internal sealed class JsonStringCache
{
    /// <summary>Longer strings are read as new strings: they are ids and texts, which rarely repeat.</summary>
    public const int MaxCachedLength = 128;

    private const int SetBits = 10;
    private const int Sets = 1 << SetBits;

    [ThreadStatic]
    private static JsonStringCache? _namesOfThisThread;

    [ThreadStatic]
    private static JsonStringCache? _valuesOfThisThread;

    private readonly byte[]?[] _keys = new byte[Sets * 2][];
    private readonly string?[] _strings = new string[Sets * 2];

    /// <summary>This thread's cache of property names: fetch it once per record, not once per name.</summary>
    public static JsonStringCache NamesOfThisThread => _namesOfThisThread ??= new JsonStringCache();

    /// <summary>This thread's cache of the values of columns whose values repeat (kept apart from the names); once per record too.</summary>
    public static JsonStringCache ValuesOfThisThread => _valuesOfThisThread ??= new JsonStringCache();

    /// <summary>The reader's current property name or string value, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    public string StringOf(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxCachedLength)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var first = SetOf(bytes) * 2;
        if (_keys[first] is { } newest && bytes.SequenceEqual(newest))
        {
            return _strings[first]!;
        }

        var second = first + 1;
        if (_keys[second] is { } older && bytes.SequenceEqual(older))
        {
            // Used again: it becomes the newest of its set, so the next new string pushes out the other one.
            var found = _strings[second]!;
            _keys[second] = _keys[first];
            _strings[second] = _strings[first];
            _keys[first] = older;
            _strings[first] = found;
            return found;
        }

        var text = reader.GetString()!;
        _keys[second] = _keys[first];
        _strings[second] = _strings[first];
        _keys[first] = bytes.ToArray();
        _strings[first] = text;
        return text;
    }

    // The length and the first and last eight bytes, mixed: names and categorical values differ in those, and a
    // collision costs only a string read anew.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SetOf(ReadOnlySpan<byte> bytes)
    {
        ulong head;
        ulong tail;
        if (bytes.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(bytes.Length - sizeof(ulong)));
        }
        else
        {
            head = 0;
            foreach (var b in bytes)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        var mix = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)bytes.Length * 0x165667B19E3779F9UL);
        mix ^= mix >> 29;
        mix *= 0xBF58476D1CE4E5B9UL;
        return (int)(mix >> (64 - SetBits));
    }
}
