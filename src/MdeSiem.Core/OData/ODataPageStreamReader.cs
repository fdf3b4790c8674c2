using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.OData;

/// <summary>
/// Streams the items of one Graph collection page ({"@odata.context":..,"value":[..],"@odata.nextLink":..}) as
/// their bytes arrive, on the same read loop as <see cref="Json.JsonArrayStreamReader"/> (<see cref="JsonStreamPump"/>): each item parsed once
/// (tentatively, rewound when its bytes are not all here yet). The next link may come before or after the array;
/// it is in <see cref="ODataPageLinks.NextLink"/> once the enumeration has finished.
/// </summary>
internal static class ODataPageStreamReader
{
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        Func<JsonElement, T> bind,
        ODataPageLinks links,
        CancellationToken cancellationToken = default)
    {
        return JsonStreamPump.ReadAsync(
            stream,
            new PageState(),
            (ReadOnlySpan<byte> data, ref PageState state, List<T> batch) => ParseAvailable(data, ref state, bind, batch, links),
            state => state.Position == PagePosition.Done,
            () => new MdeSiemException(ErrorCode.IncompleteResponse, "The page ended before its JSON was complete; the connection may have been cut.")
            {
                RecommendedAction = "Run the command again; alerts already written were complete.",
            },
            cancellationToken);
    }

    private static int ParseAvailable<T>(ReadOnlySpan<byte> data, ref PageState state, Func<JsonElement, T> bind, List<T> batch, ODataPageLinks links)
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
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // As in JsonArrayStreamReader: InvalidOperationException is a string that is not UTF-8, FormatException a
            // value the reader rejects; both mean the body is not the documented JSON.
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The response is not valid JSON: " + exception.Message, exception)
            {
                RecommendedAction = "Run the command again; if it persists, quote the request id shown with -Verbose.",
            };
        }

        state.ReaderState = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Consumes one structural step; false when the bytes for it have not all arrived.</summary>
    private static bool Step<T>(ref Utf8JsonReader reader, ref PageState state, Func<JsonElement, T> bind, List<T> batch, ODataPageLinks links)
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
                    throw new MdeSiemException(ErrorCode.InvalidResponse, $"The response is not a JSON object (it starts with {reader.TokenType}).");
                }

                state.Position = PagePosition.InObject;
                return true;

            case PagePosition.InObject:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    state.Position = state.SawValue ? PagePosition.Done : throw new MdeSiemException(ErrorCode.InvalidResponse, "The response has no 'value' array.");
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
                        throw new MdeSiemException(ErrorCode.InvalidResponse, "The response's 'value' is not an array.");
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
