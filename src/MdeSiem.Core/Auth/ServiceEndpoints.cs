using System;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Where each service lives for one connection: the sign-in authority host, the SIEM API host per region, the
/// Defender for Endpoint / Defender XDR API host and Microsoft Graph, with their token audiences. Real
/// clouds get the documented hosts; a custom base URI (the simulated tenant, a private proxy) serves every service
/// from one host.
/// </summary>
public sealed class ServiceEndpoints
{
    /// <summary>The SIEM API's token audience, as the service's own documentation requests it.</summary>
    public const string SiemResource = "https://graph.windows.net";

    /// <summary>Microsoft Graph's token audience in the commercial cloud (and for a custom base URI).</summary>
    public const string GraphResource = "https://graph.microsoft.com";

    /// <summary>The Defender for Endpoint API's token audience (alerts API) in the commercial cloud.</summary>
    public const string MdeResource = "https://api.securitycenter.microsoft.com";

    /// <summary>
    /// The Defender XDR API's token audience (incidents API) in the commercial cloud: "Tokens can be acquired by
    /// accessing https://api.security.microsoft.com" (https://learn.microsoft.com/defender-xdr/api-supported).
    /// </summary>
    public const string XdrResource = "https://api.security.microsoft.com";

    /// <summary>
    /// Where a custom base (the simulated tenant) serves the Defender for Endpoint and Defender XDR APIs: under their
    /// own prefix, because &lt;base&gt;/api/alerts is already the SIEM API there.
    /// </summary>
    public const string CustomDefenderApiPrefix = "mde/";

    private readonly Uri? _customBase;

    private ServiceEndpoints(CloudEnvironment environment, Uri authorityHost, Uri? customBase)
    {
        Environment = environment;
        AuthorityHost = authorityHost;
        _customBase = customBase;
    }

    public CloudEnvironment Environment { get; }

    /// <summary>Base of the sign-in authority; the tenant id is appended to it.</summary>
    public Uri AuthorityHost { get; }

    /// <summary>True when every service is pointed at a custom base URI.</summary>
    public bool IsCustom => _customBase is not null;

    /// <summary>The documented sign-in host of a cloud.</summary>
    public static ServiceEndpoints ForCloud(CloudEnvironment environment)
    {
        var authority = environment switch
        {
            // GCC (USGov) signs in with the commercial authority; GCC High and DoD have their own.
            CloudEnvironment.Global or CloudEnvironment.USGov => "https://login.microsoftonline.com/",
            CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => "https://login.microsoftonline.us/",
            CloudEnvironment.China => "https://login.chinacloudapi.cn/",
            _ => throw new ArgumentOutOfRangeException(nameof(environment)),
        };
        return new ServiceEndpoints(environment, new Uri(authority), customBase: null);
    }

    /// <summary>Every service served from one base URI, e.g. https://127.0.0.1:5001/ for the simulated tenant.</summary>
    public static ServiceEndpoints ForCustomBase(Uri baseUri)
    {
        if (baseUri is null)
        {
            throw new ArgumentNullException(nameof(baseUri));
        }

        if (!baseUri.IsAbsoluteUri || baseUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"The endpoint URI '{baseUri}' must be an absolute https URI.")
            {
                RecommendedAction = "Pass a URI such as https://127.0.0.1:5001/.",
                Target = baseUri,
            };
        }

        var root = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new ServiceEndpoints(CloudEnvironment.Global, root, root);
    }

    /// <summary>The absolute URI of the SIEM alerts resource for a region.</summary>
    public Uri GetSiemAlertsUri(SiemRegion region)
    {
        if (_customBase is not null)
        {
            return new Uri(_customBase, "api/alerts");
        }

        var host = Environment switch
        {
            CloudEnvironment.Global => $"wdatp-alertexporter-{RegionSuffix(region)}.windows.com",
            // The US Government clouds have one SIEM host each, whatever the region: the "SIEM" row of the API table
            // in "Microsoft Defender for Endpoint for US Government customers" (https://learn.microsoft.com/defender-endpoint/gov).
            CloudEnvironment.USGov => "wdatp-alertexporter-us.gcc.securitycenter.windows.us",
            CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => "wdatp-alertexporter-us.securitycenter.windows.us",
            _ => throw new MdeSiemException(
                ErrorCode.InvalidArgument,
                $"The SIEM API is not offered in the {Environment} cloud.")
            {
                RecommendedAction = "Use Get-DefenderAlert against Microsoft Graph in that cloud, or connect with -Environment Global, USGov, USGovHigh or USGovDoD.",
            },
        };
        return new Uri($"https://{host}/api/alerts");
    }

    /// <summary>Microsoft Graph's token audience for the connection's cloud.</summary>
    public string GraphAudience => _customBase is not null ? GraphResource : GraphHostFor(Environment);

    /// <summary>The absolute URI of a Microsoft Graph v1.0 resource path such as security/alerts_v2.</summary>
    public Uri GetGraphUri(string relativePath)
    {
        var root = _customBase is not null ? _customBase.AbsoluteUri : GraphHostFor(Environment) + "/";
        return new Uri(root + "v1.0/" + relativePath.TrimStart('/'));
    }

    /// <summary>
    /// The token audience of the Defender for Endpoint alerts API (GET/PATCH /api/alerts): api.securitycenter.microsoft.com
    /// commercially, the US Government API host in GCC, GCC High and DoD.
    /// </summary>
    public string MdeAudience => _customBase is not null ? MdeResource : Environment == CloudEnvironment.Global ? MdeResource : DefenderEndpointGovernmentHost(Environment);

    /// <summary>
    /// The token audience of the Defender XDR incidents API (/api/incidents): api.security.microsoft.com commercially;
    /// the US Government clouds serve it from their own Defender XDR API host, which is also its audience.
    /// </summary>
    public string XdrAudience => _customBase is not null ? XdrResource : Environment == CloudEnvironment.Global ? XdrResource : DefenderXdrGovernmentHost(Environment);

    /// <summary>
    /// The absolute URI of a Defender for Endpoint API path such as api/alerts: api.security.microsoft.com (or a
    /// geographic host: us., eu., uk., au., swa., ina.) commercially; api-gcc.securitycenter.microsoft.us (GCC) and
    /// api-gov.securitycenter.microsoft.us (GCC High, DoD); &lt;base&gt;/mde/ for a custom base.
    /// </summary>
    public Uri GetDefenderApiUri(string relativePath, DefenderApiRegion region = DefenderApiRegion.Default) =>
        DefenderUri(relativePath, () => "https://" + EndpointRegionPrefix(region) + "api.security.microsoft.com/", DefenderEndpointGovernmentHost);

    /// <summary>
    /// The absolute URI of a Defender XDR API path such as api/incidents: api.security.microsoft.com (or a geographic
    /// host: api-us., api-eu., api-uk.) commercially; api-gcc.security.microsoft.us (GCC) and
    /// api-gov.security.microsoft.us (GCC High, DoD); &lt;base&gt;/mde/ for a custom base.
    /// </summary>
    public Uri GetXdrApiUri(string relativePath, DefenderApiRegion region = DefenderApiRegion.Default) =>
        DefenderUri(relativePath, () => "https://" + XdrHostFor(region) + "/", DefenderXdrGovernmentHost);

    private Uri DefenderUri(string relativePath, Func<string> commercialRoot, Func<CloudEnvironment, string> governmentHost)
    {
        if (relativePath is null)
        {
            throw new ArgumentNullException(nameof(relativePath));
        }

        var root = _customBase is not null ? _customBase.AbsoluteUri + CustomDefenderApiPrefix
            : Environment == CloudEnvironment.Global ? commercialRoot()
            : governmentHost(Environment) + "/";
        return new Uri(root + relativePath.TrimStart('/'));
    }

    // "Microsoft Defender for Endpoint for US Government customers", section API
    // (https://learn.microsoft.com/defender-endpoint/gov#api): "Defender for Endpoint API" is
    // https://api-gcc.securitycenter.microsoft.us for GCC and https://api-gov.securitycenter.microsoft.us for GCC High
    // and DoD. The page names no separate token resource; the API URI is the resource a token is asked for.
    private static string DefenderEndpointGovernmentHost(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.USGov => "https://api-gcc.securitycenter.microsoft.us",
        CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => "https://api-gov.securitycenter.microsoft.us",
        _ => throw NoDefenderApi(environment),
    };

    // "Microsoft Defender XDR for US Government customers", section API (https://learn.microsoft.com/defender-xdr/usgov#api):
    // "Microsoft Defender XDR API" is https://api-gcc.security.microsoft.us for GCC and
    // https://api-gov.security.microsoft.us for GCC High and DoD (the incidents API lives there, not on the
    // securitycenter hosts of the Defender for Endpoint API).
    private static string DefenderXdrGovernmentHost(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.USGov => "https://api-gcc.security.microsoft.us",
        CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => "https://api-gov.security.microsoft.us",
        _ => throw NoDefenderApi(environment),
    };

    private static MdeSiemException NoDefenderApi(CloudEnvironment environment) => new(
        ErrorCode.InvalidArgument,
        $"The Defender for Endpoint and Defender XDR APIs are not offered in the {environment} cloud.")
    {
        RecommendedAction = "Connect to a tenant in the Global, USGov, USGovHigh or USGovDoD cloud.",
    };

    /// <summary>
    /// What a connection's Endpoints shows: every service at one custom base, or the cloud and its sign-in host
    /// (never the bare type name).
    /// </summary>
    public override string ToString() => _customBase is not null
        ? $"All services at {_customBase.AbsoluteUri} (Defender APIs under {CustomDefenderApiPrefix})"
        : $"{Environment} cloud, sign-in at {AuthorityHost.Host}";

    // "Supported Microsoft Defender for Endpoint APIs" (https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list),
    // tip "use the server closer to your geo location": us., eu., uk., au., swa., ina.api.security.microsoft.com.
    private static string EndpointRegionPrefix(DefenderApiRegion region) => region switch
    {
        DefenderApiRegion.Default => string.Empty,
        DefenderApiRegion.US => "us.",
        DefenderApiRegion.EU => "eu.",
        DefenderApiRegion.UK => "uk.",
        DefenderApiRegion.AU => "au.",
        DefenderApiRegion.SWA => "swa.",
        DefenderApiRegion.INA => "ina.",
        _ => throw new ArgumentOutOfRangeException(nameof(region)),
    };

    // "Supported Microsoft Defender XDR APIs" (https://learn.microsoft.com/defender-xdr/api-supported), Endpoint URIs:
    // base https://api.security.microsoft.com, and for better performance api-us., api-eu. and api-uk.security.microsoft.com.
    // It lists no host for the other geographies, so they use the base host, which serves every tenant.
    private static string XdrHostFor(DefenderApiRegion region) => region switch
    {
        DefenderApiRegion.US => "api-us.security.microsoft.com",
        DefenderApiRegion.EU => "api-eu.security.microsoft.com",
        DefenderApiRegion.UK => "api-uk.security.microsoft.com",
        DefenderApiRegion.Default or DefenderApiRegion.AU or DefenderApiRegion.SWA or DefenderApiRegion.INA => "api.security.microsoft.com",
        _ => throw new ArgumentOutOfRangeException(nameof(region)),
    };

    private static string GraphHostFor(CloudEnvironment environment) => environment switch
    {
        // "Microsoft Graph national cloud deployments" (learn.microsoft.com/graph/deployments): a Microsoft 365 GCC
        // tenant keeps using the worldwide endpoints (login.microsoftonline.com, graph.microsoft.com); GCC High uses
        // graph.microsoft.us (US Government L4) and DoD dod-graph.microsoft.us (L5). alerts_v2 and incidents exist
        // in the global and US Government clouds only (the API pages' national-cloud note), not with 21Vianet.
        CloudEnvironment.Global or CloudEnvironment.USGov => "https://graph.microsoft.com",
        CloudEnvironment.USGovHigh => "https://graph.microsoft.us",
        CloudEnvironment.USGovDoD => "https://dod-graph.microsoft.us",
        _ => throw new MdeSiemException(
            ErrorCode.InvalidArgument,
            $"The Microsoft Graph security API (alerts and incidents) is not offered in the {environment} cloud.")
        {
            RecommendedAction = "Microsoft Graph operated by 21Vianet has no security alerts or incidents API; connect to a tenant in the Global, USGov, USGovHigh or USGovDoD cloud.",
        },
    };

    private static string RegionSuffix(SiemRegion region) => region switch
    {
        SiemRegion.EU => "eu",
        SiemRegion.UK => "uk",
        _ => "us",
    };
}
