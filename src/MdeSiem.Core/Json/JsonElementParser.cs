using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// Reads one array element from a reader over a buffer that may end in the middle of it. On entry the reader is
/// on the element's first token; on success it is on the element's last token. Returns false, with any result
/// discarded, when the buffer ran out first: the caller rewinds and calls again once more bytes have arrived.
/// Parsing tentatively like this reads each element once, instead of once to find its end and once to parse it.
/// </summary>
public delegate bool JsonElementParser<T>(ref Utf8JsonReader reader, out T value);
