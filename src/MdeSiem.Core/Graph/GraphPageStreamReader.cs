using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Streams the items of one Graph collection page ({"@odata.context":..,"value":[..],"@odata.nextLink":..}) as
/// their bytes arrive, in the style of <see cref="Json.JsonArrayStreamReader"/>: one buffer, each item parsed once
/// (tentatively, rewound when its bytes are not all here yet). The next link may come before or after the array;
/// it is in <see cref="GraphPageLinks.NextLink"/> once the enumeration has finished.
/// </summary>
internal static class GraphPageStreamReader
{
    private const int InitialBufferSize = 64 * 1024;

    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        Func<JsonElement, T> bind,
        GraphPageLinks links,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var state = new PageState();
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var batch = new List<T>();
        try
        {
            var start = 0;
            var end = 0;
            var streamEnded = false;
            while (state.Position != PagePosition.Done)
            {
                if (!streamEnded)
                {
                    if (end == buffer.Length)
                    {
                        buffer = MakeRoom(buffer, ref start, ref end);
                    }

                    var read = await stream.ReadAsync(buffer, end, buffer.Length - end, cancellationToken).ConfigureAwait(false);
                    end += read;
                    streamEnded = read == 0;
                }

                start += ParseAvailable(new ReadOnlySpan<byte>(buffer, start, end - start), ref state, bind, batch, links);
                foreach (var item in batch)
                {
                    yield return item;
                }

                batch.Clear();
                if (streamEnded && state.Position != PagePosition.Done)
                {
                    throw new MdeSiemException(ErrorCode.IncompleteResponse, "The Microsoft Graph page ended before its JSON was complete; the connection may have been cut.")
                    {
                        RecommendedAction = "Run the command again; alerts already written were complete.",
                    };
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] MakeRoom(byte[] buffer, ref int start, ref int end)
    {
        var unread = end - start;
        var target = start == 0 ? ArrayPool<byte>.Shared.Rent(buffer.Length * 2) : buffer;
        Buffer.BlockCopy(buffer, start, target, 0, unread);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        start = 0;
        end = unread;
        return target;
    }

    private static int ParseAvailable<T>(ReadOnlySpan<byte> data, ref PageState state, Func<JsonElement, T> bind, List<T> batch, GraphPageLinks links)
    {
        // Never a final block: bytes that end mid-item mean a cut-off body (reported as incomplete), not bad JSON.
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state.ReaderState);
        try
        {
            while (state.Position != PagePosition.Done)
            {
                var checkpoint = reader;
                if (!Step(ref reader, ref state, bind, batch, links))
                {
                    reader = checkpoint;
                    break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The Microsoft Graph response is not valid JSON: " + exception.Message, exception)
            {
                RecommendedAction = "Run the command again; if it persists, quote the request id shown with -Verbose.",
            };
        }

        state.ReaderState = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Consumes one structural step; false when the bytes for it have not all arrived.</summary>
    private static bool Step<T>(ref Utf8JsonReader reader, ref PageState state, Func<JsonElement, T> bind, List<T> batch, GraphPageLinks links)
    {
        if (!reader.Read())
        {
            return false;
        }

        switch (state.Position)
        {
            case PagePosition.BeforeObject:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new MdeSiemException(ErrorCode.InvalidResponse, $"The Microsoft Graph response is not a JSON object (it starts with {reader.TokenType}).");
                }

                state.Position = PagePosition.InObject;
                return true;

            case PagePosition.InObject:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    state.Position = state.SawValue ? PagePosition.Done : throw new MdeSiemException(ErrorCode.InvalidResponse, "The Microsoft Graph response has no 'value' array.");
                    return true;
                }

                if (reader.ValueTextEquals("value"))
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new MdeSiemException(ErrorCode.InvalidResponse, "The Microsoft Graph response's 'value' is not an array.");
                    }

                    state.Position = PagePosition.InArray;
                    state.SawValue = true;
                    return true;
                }

                var isNextLink = reader.ValueTextEquals("@odata.nextLink");
                if (!reader.Read())
                {
                    return false;
                }

                if (isNextLink && reader.TokenType == JsonTokenType.String)
                {
                    links.NextLink = reader.GetString();
                    return true;
                }

                return reader.TrySkip();

            case PagePosition.InArray:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    state.Position = PagePosition.InObject;
                    return true;
                }

                if (!JsonDocument.TryParseValue(ref reader, out var document))
                {
                    return false;
                }

                using (document)
                {
                    batch.Add(bind(document!.RootElement));
                }

                return true;

            default:
                return true;
        }
    }

    private enum PagePosition
    {
        BeforeObject,
        InObject,
        InArray,
        Done,
    }

    private struct PageState
    {
        public JsonReaderState ReaderState;
        public PagePosition Position;
        public bool SawValue;
    }
}
