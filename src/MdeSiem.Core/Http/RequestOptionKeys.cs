namespace MdeSiem.Core.Http;

/// <summary>Names of the per-request properties the handler chain reads.</summary>
internal static class RequestOptionKeys
{
    /// <summary>The token audience the bearer handler asks for.</summary>
    public const string Resource = "MdeSiem.Resource";

    /// <summary>Which API's call budget the request counts against (see <see cref="ApiNames"/>).</summary>
    public const string Api = "MdeSiem.Api";

    /// <summary>Whether the request may be sent again after a failure that may have reached the service (a bool).</summary>
    public const string Idempotent = "MdeSiem.Idempotent";
}
