using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Json;

/// <summary>
/// Streams the elements of a top-level JSON array from a stream: each element is parsed and handed out as soon as
/// its bytes have arrived, and memory stays at one buffer (grown only for an element larger than it) whatever the
/// array's length. This is what lets a million-record response flow through at the JSON reader's speed.
/// </summary>
public static class JsonArrayStreamReader
{
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        JsonElementParser<T> parseElement,
        CancellationToken cancellationToken = default)
    {
        return JsonStreamPump.ReadAsync(
            stream,
            new ParseState(),
            (ReadOnlySpan<byte> data, ref ParseState state, List<T> batch) => ParseAvailable(data, ref state, parseElement, batch),
            state => state.ArrayEnded,
            () => new MdeSiemException(
                ErrorCode.IncompleteResponse,
                "The response ended before its JSON array was complete; the connection may have been cut.")
            {
                RecommendedAction = "Run the pull again; records already written were complete.",
            },
            cancellationToken);
    }

    private static int ParseAvailable<T>(
        ReadOnlySpan<byte> data,
        ref ParseState state,
        JsonElementParser<T> parseElement,
        List<T> batch)
    {
        if (data.IsEmpty)
        {
            // Nothing (more) arrived: the caller decides whether that is the end or a cut-off body.
            return 0;
        }

        // Never a final block: an element is parsed only once it is complete, so bytes that end mid-element mean
        // a cut-off body (reported by the caller as incomplete), not malformed JSON.
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state.ReaderState);
        try
        {
            if (!state.ArrayStarted)
            {
                if (!reader.Read())
                {
                    return 0;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw NotAnArray(reader.TokenType);
                }

                state.ArrayStarted = true;
            }

            while (true)
            {
                var beforeElement = reader;
                if (!reader.Read())
                {
                    reader = beforeElement;
                    break;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    state.ArrayEnded = true;
                    break;
                }

                if (!parseElement(ref reader, out var item))
                {
                    // The element's bytes are not all here yet: rewind and wait for more.
                    reader = beforeElement;
                    break;
                }

                batch.Add(item);
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException: bytes that are not UTF-8 inside a string; FormatException: a value the
            // reader rejects. Both mean the body is not the documented JSON.
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The response is not valid JSON: " + exception.Message, exception)
            {
                RecommendedAction = "Run the pull again; if it persists, quote the request id shown with -Verbose.",
            };
        }

        state.ReaderState = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private static MdeSiemException NotAnArray(JsonTokenType token) => new(
        ErrorCode.InvalidResponse,
        $"The response is not a JSON array (it starts with {token}).")
    {
        RecommendedAction = "Check that the endpoint is the documented API; a proxy may have answered instead.",
    };

    private struct ParseState
    {
        public JsonReaderState ReaderState;
        public bool ArrayStarted;
        public bool ArrayEnded;
    }
}
