using System.Collections.Generic;
using MdeSiem.Core.Auth;

namespace MdeSiem.Core.Http;

/// <summary>
/// One API family as the request path needs it: the token audience, the call budget its requests count against,
/// the application whose permissions a 403 names, and the headers every request to it carries.
/// </summary>
internal sealed class ServiceApi
{
    // Graph sends enum members added after v1.0 was published only when asked; the models keep them as text.
    private static readonly KeyValuePair<string, string>[] GraphHeaders = { new("Prefer", "include-unknown-enum-members") };

    private static readonly KeyValuePair<string, string>[] NoHeaders = { };

    private ServiceApi(string audience, string budget, string? application, string consentPlace, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Audience = audience;
        Budget = budget;
        Application = application;
        ConsentPlace = consentPlace;
        Headers = headers;
    }

    /// <summary>The token audience the bearer handler asks for.</summary>
    public string Audience { get; }

    /// <summary>The call budget (see <see cref="ApiNames"/>).</summary>
    public string Budget { get; }

    /// <summary>The application whose permission a 403 names, e.g. "Microsoft Graph"; null when the API has none to name.</summary>
    public string? Application { get; }

    /// <summary>Where the portal lists the application's permissions, added to the advice of a 403.</summary>
    public string ConsentPlace { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public static ServiceApi Siem() => new(ServiceEndpoints.SiemResource, ApiNames.SiemAlerts, null, string.Empty, NoHeaders);

    public static ServiceApi Graph(ServiceEndpoints endpoints) => new(endpoints.GraphAudience, ApiNames.GraphSecurity, "Microsoft Graph", string.Empty, GraphHeaders);

    /// <summary>Graph's runHuntingQuery: the Graph audience with the hunting API's own call budget.</summary>
    public static ServiceApi GraphHunting(ServiceEndpoints endpoints) => new(endpoints.GraphAudience, ApiNames.GraphHunting, "Microsoft Graph", string.Empty, GraphHeaders);

    public static ServiceApi MdeAlerts(ServiceEndpoints endpoints) => new(endpoints.MdeAudience, ApiNames.MdeAlerts, "WindowsDefenderATP", " (APIs my organization uses)", NoHeaders);

    public static ServiceApi XdrIncidents(ServiceEndpoints endpoints) => new(endpoints.XdrAudience, ApiNames.XdrIncidents, "Microsoft Threat Protection", " (APIs my organization uses)", NoHeaders);
}
