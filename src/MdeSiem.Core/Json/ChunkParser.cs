using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Json;

/// <summary>
/// Parses what it can of the bytes that have arrived, adding complete items to <paramref name="batch"/>, and
/// returns how many bytes it consumed; the rest is offered again, with more bytes, on the next call.
/// </summary>
internal delegate int ChunkParser<TState, T>(ReadOnlySpan<byte> data, ref TState state, List<T> batch);
