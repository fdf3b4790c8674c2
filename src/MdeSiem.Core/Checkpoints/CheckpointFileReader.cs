using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// Reads a checkpoint file a buffer at a time, its delivered keys handed to a sink as they are read. A failed run
/// of millions of records saves every key it delivered (about 100 MB of file for 1,000,000 SIEM keys); read whole
/// into a JsonDocument, the next run held the file, its token table and every key as a string at once.
/// </summary>
/// <remarks>
/// A file that is not a checkpoint throws <see cref="JsonException"/>, <see cref="FormatException"/> or
/// <see cref="InvalidOperationException"/> (a value of the wrong kind), which the store reports as a corrupt
/// checkpoint; a checkpoint of a newer format throws CheckpointVersionUnsupported as soon as its version is read.
/// </remarks>
internal sealed class CheckpointFileReader
{
    private const int BufferSize = 64 * 1024;
    private const string DeliveredField = "delivered";
    private const string PositionsField = "positions";
    private const string OutputsField = "outputs";

    private readonly string _path;
    private readonly CheckpointDocument _document = new();
    private readonly Action<string, DateTime> _delivered;
    // The root's properties a checkpoint must have; each is checked for its kind as it is read.
    private static readonly string[] Required = { "api", "tenantId", "scope", "watermarkUtc", "updatedUtc", DeliveredField };

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private string? _format;
    private int? _version;

    // The root's property being read, and within one of its objects, the entry's name.
    private string? _property;
    private string? _entry;

    private CheckpointFileReader(string path, Action<string, DateTime>? delivered)
    {
        _path = path;
        _delivered = delivered ?? ((key, time) => _document.Delivered[key] = time);
    }

    /// <param name="stream">The file's bytes.</param>
    /// <param name="path">The file, for errors.</param>
    /// <param name="delivered">Receives each delivered key; null puts them into <see cref="CheckpointDocument.Delivered"/>.</param>
    public static CheckpointDocument Read(Stream stream, string path, Action<string, DateTime>? delivered)
    {
        var reader = new CheckpointFileReader(path, delivered);
        reader.ReadTokens(stream);
        return reader.Finish();
    }

    private void ReadTokens(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var state = default(JsonReaderState);
            var length = 0;
            var final = false;
            while (!final)
            {
                if (length == buffer.Length)
                {
                    // One token longer than the buffer (a very long key): make room for it.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                final = read == 0;

                // With the final block, a document cut short or followed by anything throws here.
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, length), final, state);
                while (reader.Read())
                {
                    Take(ref reader);
                }

                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Take(ref Utf8JsonReader reader)
    {
        switch (reader.CurrentDepth)
        {
            case 0 when reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndObject):
                throw new FormatException("the file does not say it is an MdeSiem checkpoint");
            case 1 when reader.TokenType == JsonTokenType.PropertyName:
                _property = reader.GetString()!;
                _seen.Add(_property);
                _entry = null;
                break;
            case 1 when reader.TokenType != JsonTokenType.EndObject && reader.TokenType != JsonTokenType.EndArray:
                TakeProperty(ref reader);
                break;
            case 2 when _property is DeliveredField or PositionsField or OutputsField:
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    _entry = reader.GetString();
                }
                else
                {
                    TakeEntry(ref reader);
                }

                break;
            case > 2 when _property is DeliveredField or PositionsField or OutputsField:
                throw new FormatException($"the entry '{_entry}' of '{_property}' is not a single value");
        }
    }

    private void TakeProperty(ref Utf8JsonReader reader)
    {
        switch (_property)
        {
            case "format":
                _format = reader.GetString();
                CheckVersion();
                break;
            case "version":
                _version = reader.GetInt32();
                CheckVersion();
                break;
            case "api":
                _document.Api = reader.GetString() ?? string.Empty;
                break;
            case "tenantId":
                _document.TenantId = reader.GetString() ?? string.Empty;
                break;
            case "scope":
                _document.Scope = reader.GetString() ?? string.Empty;
                break;
            case "watermarkUtc":
                _document.WatermarkUtc = reader.TokenType == JsonTokenType.Null ? null : ReadUtc(ref reader);
                break;
            case "updatedUtc":
                _document.UpdatedUtc = ReadUtc(ref reader);
                break;
            case DeliveredField or PositionsField or OutputsField:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new FormatException($"'{_property}' is not an object");
                }

                break;
        }
    }

    private void TakeEntry(ref Utf8JsonReader reader)
    {
        var name = _entry ?? throw new FormatException($"'{_property}' holds a value without a name");
        switch (_property)
        {
            case DeliveredField:
                _delivered(name, ReadUtc(ref reader));
                break;
            case PositionsField:
                _document.Positions[name] = NotNegative(reader.GetInt64(), "the position of '" + name + "'");
                break;
            default:
                _document.Outputs[name] = NotNegative(reader.GetInt64(), "the length of output '" + name + "'");
                break;
        }
    }

    private CheckpointDocument Finish()
    {
        if (_format != CheckpointDocument.FormatName)
        {
            throw new FormatException("the file does not say it is an MdeSiem checkpoint");
        }

        if (_version is null)
        {
            throw new FormatException("it has no version");
        }

        CheckVersion();
        foreach (var name in Required)
        {
            if (!_seen.Contains(name))
            {
                throw new FormatException($"it has no '{name}'");
            }
        }

        return _document;
    }

    // Refused as soon as both are known: a newer format may not read as this one at all.
    private void CheckVersion()
    {
        if (_format == CheckpointDocument.FormatName && _version > CheckpointDocument.CurrentVersion)
        {
            throw new MdeSiemException(
                ErrorCode.CheckpointVersionUnsupported,
                $"The checkpoint '{_path}' has format version {_version}; this module reads up to version {CheckpointDocument.CurrentVersion}.")
            {
                RecommendedAction = "Update the MdeSiem module, or point this run at another checkpoint.",
                Target = _path,
            };
        }
    }

    private static long NotNegative(long value, string what) =>
        value >= 0 ? value : throw new FormatException(what + " is negative");

    private static DateTime ReadUtc(ref Utf8JsonReader reader) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
