using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// Streams the rows of a huntingQueryResults body ({"schema":[{name,type}..],"results":[{..}..]},
/// https://learn.microsoft.com/en-us/graph/api/resources/security-huntingqueryresults) as their bytes arrive, on the
/// module's JSON read loop (<see cref="JsonStreamPump"/>). Each row is typed by the schema; rows that come before
/// the schema (the order of the two properties is not documented) are held until it arrives. The reference shows
/// the schema's keys both as name/type and as Name/Type, so both are read.
/// </summary>
internal static class HuntingResultStreamReader
{
    public static IAsyncEnumerable<HuntingRow> ReadAsync(Stream stream, Action<HuntingSchema> onSchema, CancellationToken cancellationToken) =>
        JsonStreamPump.ReadAsync(
            stream,
            new ParseState { Held = new List<byte[]>(), OnSchema = onSchema },
            (ReadOnlySpan<byte> data, ref ParseState state, List<HuntingRow> batch) => ParseAvailable(data, ref state, batch),
            state => state.Position == Position.Done,
            () => new MdeSiemException(ErrorCode.IncompleteResponse, "The hunting result ended before its JSON was complete; the connection may have been cut.")
            {
                RecommendedAction = "Run the query again; rows already written were complete.",
            },
            cancellationToken);

    private static int ParseAvailable(ReadOnlySpan<byte> data, ref ParseState state, List<HuntingRow> batch)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state.ReaderState);
        try
        {
            while (state.Position != Position.Done)
            {
                var checkpoint = reader;
                if (!Step(ref reader, data, ref state, batch))
                {
                    reader = checkpoint;
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The hunting result is not valid JSON: " + exception.Message, exception)
            {
                RecommendedAction = "Run the query again; if it persists, quote the request id shown with -Verbose.",
            };
        }

        state.ReaderState = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private static bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, ref ParseState state, List<HuntingRow> batch)
    {
        if (!reader.Read())
        {
            return false;
        }

        switch (state.Position)
        {
            case Position.BeforeObject:
                state.Position = reader.TokenType == JsonTokenType.StartObject
                    ? Position.InObject
                    : throw new MdeSiemException(ErrorCode.InvalidResponse, $"The hunting result is not a JSON object (it starts with {reader.TokenType}).");
                return true;

            case Position.InObject:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    Finish(ref state, batch);
                    return true;
                }

                var isResults = reader.ValueTextEquals("results") || reader.ValueTextEquals("Results");
                var isSchema = reader.ValueTextEquals("schema") || reader.ValueTextEquals("Schema");
                if (!reader.Read())
                {
                    return false;
                }

                if (isResults && reader.TokenType == JsonTokenType.StartArray)
                {
                    state.Position = Position.InResults;
                    return true;
                }

                if (isSchema)
                {
                    if (!JsonDocument.TryParseValue(ref reader, out var schemaDocument))
                    {
                        return false;
                    }

                    using (schemaDocument)
                    {
                        SetSchema(ref state, ReadSchema(schemaDocument!.RootElement), batch);
                    }

                    return true;
                }

                return reader.TrySkip();

            case Position.InResults:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    state.Position = Position.InObject;
                    return true;
                }

                // A row is whole once the reader can skip past it; it is then bound from its own bytes (no
                // JsonDocument per row), and held as a copy of them while the schema has not come yet.
                var start = (int)reader.TokenStartIndex;
                var end = reader;
                if (!end.TrySkip())
                {
                    return false;
                }

                var row = data.Slice(start, (int)end.BytesConsumed - start);
                reader = end;
                if (state.Schema is null)
                {
                    state.Held.Add(row.ToArray());
                }
                else
                {
                    batch.Add(HuntingRowBinder.Bind(state.Schema, row));
                }

                return true;

            default:
                return true;
        }
    }

    private static void SetSchema(ref ParseState state, HuntingSchema schema, List<HuntingRow> batch)
    {
        state.Schema = schema;
        state.OnSchema(schema);
        foreach (var held in state.Held)
        {
            batch.Add(HuntingRowBinder.Bind(schema, held));
        }

        state.Held.Clear();
    }

    /// <summary>The end of the body: rows without any schema are typed by their own values.</summary>
    private static void Finish(ref ParseState state, List<HuntingRow> batch)
    {
        if (state.Schema is null)
        {
            var names = state.Held.SelectMany(row => HuntingRowBinder.NamesOf(row)).Distinct(StringComparer.Ordinal);
            SetSchema(ref state, new HuntingSchema(names.Select(name => new HuntingColumn(name, "dynamic")).ToList()), batch);
        }

        state.Position = Position.Done;
    }

    private static HuntingSchema ReadSchema(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Array)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The hunting result's schema is not an array.");
        }

        var columns = new List<HuntingColumn>();
        foreach (var entry in schema.EnumerateArray())
        {
            var name = Text(entry, "name") ?? Text(entry, "Name")
                ?? throw new MdeSiemException(ErrorCode.InvalidResponse, "A column of the hunting result's schema has no name.");
            columns.Add(new HuntingColumn(name, Text(entry, "type") ?? Text(entry, "Type")));
        }

        return new HuntingSchema(columns);
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private enum Position
    {
        BeforeObject,
        InObject,
        InResults,
        Done,
    }

    private struct ParseState
    {
        public JsonReaderState ReaderState;
        public Position Position;
        public HuntingSchema? Schema;
        public List<byte[]> Held;
        public Action<HuntingSchema> OnSchema;
    }
}
