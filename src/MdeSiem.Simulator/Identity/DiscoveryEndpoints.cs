using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// The metadata documents MSAL may fetch (instance discovery, OpenID configuration) and the signing keys, all
/// pointing at this host as the client addressed it, so a client that validates tokens or authorities finds them.
/// </summary>
internal sealed class DiscoveryEndpoints
{
    private readonly AppDirectory directory;
    private readonly SigningKey key;

    public DiscoveryEndpoints(AppDirectory directory, SigningKey key)
    {
        this.directory = directory;
        this.key = key;
    }

    /// <summary>GET /common/discovery/instance: this host is its own and only alias.</summary>
    public Task InstanceAsync(HttpContext context)
    {
        string host = context.Request.Host.Value ?? "";
        string tenant = "common";
        string authorization = context.Request.Query["authorization_endpoint"].ToString();
        string[] segments = authorization.Split('/');
        if (segments.Length > 3 && segments[3].Length > 0)
        {
            tenant = segments[3];
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("tenant_discovery_endpoint", $"{BaseOf(context)}{tenant}/v2.0/.well-known/openid-configuration");
            writer.WriteString("api-version", "1.1");
            writer.WriteStartArray("metadata");
            writer.WriteStartObject();
            writer.WriteString("preferred_network", host);
            writer.WriteString("preferred_cache", host);
            writer.WriteStartArray("aliases");
            writer.WriteStringValue(host);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>GET /{tenant}/v2.0/.well-known/openid-configuration and the v1 variant without "v2.0/".</summary>
    public Task OpenIdConfigurationAsync(HttpContext context, bool isV2)
    {
        string tenant = context.Request.RouteValues["tenant"] as string ?? "";
        if (directory.FindTenantId(tenant) is not { } tenantId)
        {
            return EntraError.TenantNotFound(tenant).WriteAsync(context);
        }

        string root = BaseOf(context) + tenant;
        string version = isV2 ? "/v2.0" : "";
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_endpoint", $"{root}/oauth2{version}/token");
            writer.WriteStartArray("token_endpoint_auth_methods_supported");
            writer.WriteStringValue("client_secret_post");
            writer.WriteStringValue("private_key_jwt");
            writer.WriteStringValue("client_secret_basic");
            writer.WriteEndArray();
            writer.WriteString("jwks_uri", $"{root}/discovery{version}/keys");
            writer.WriteString("authorization_endpoint", $"{root}/oauth2{version}/authorize");
            writer.WriteString("issuer", isV2 ? $"{BaseOf(context)}{tenantId}/v2.0" : TokenIssuer.Issuer(tenantId));
            writer.WriteStartArray("response_types_supported");
            writer.WriteStringValue("code");
            writer.WriteStringValue("id_token");
            writer.WriteStringValue("token");
            writer.WriteEndArray();
            writer.WriteStartArray("id_token_signing_alg_values_supported");
            writer.WriteStringValue("RS256");
            writer.WriteEndArray();
            writer.WriteString("tenant_region_scope", "EU");
            writer.WriteEndObject();
        });
    }

    /// <summary>GET /{tenant}/discovery/keys and /{tenant}/discovery/v2.0/keys: the JWKS with the token signing key.</summary>
    public Task KeysAsync(HttpContext context) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            writer.WriteStartObject();
            writer.WriteString("kty", "RSA");
            writer.WriteString("use", "sig");
            writer.WriteString("kid", key.KeyId);
            writer.WriteString("n", key.Modulus);
            writer.WriteString("e", key.Exponent);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static string BaseOf(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host.Value}/";
}
