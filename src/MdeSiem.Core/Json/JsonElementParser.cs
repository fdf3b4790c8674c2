using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// Reads one array element whose bytes are complete in the reader's buffer. On entry the reader is on the
/// element's first token; on return it must be on the element's last token.
/// </summary>
public delegate T JsonElementParser<out T>(ref Utf8JsonReader reader);
