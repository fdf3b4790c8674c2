namespace MdeSiem.Core.Http;

/// <summary>Names of the per-request properties the handler chain reads.</summary>
internal static class RequestOptionKeys
{
    /// <summary>The token audience the bearer handler asks for.</summary>
    public const string Resource = "MdeSiem.Resource";

    /// <summary>Which API's call budget the request counts against (see <see cref="ApiNames"/>).</summary>
    public const string Api = "MdeSiem.Api";

    /// <summary>
    /// A bool: whether sending the request twice has the effect of sending it once. False for a request that adds
    /// something (a comment), which the retry handler then resends only when the service certainly did not get it.
    /// Without it the method decides (see <see cref="RetryHandler.IsIdempotent"/>).
    /// </summary>
    public const string Idempotent = "MdeSiem.Idempotent";
}
