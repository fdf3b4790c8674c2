using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// GET /msi/token: the managed-identity endpoint App Service, Functions and Azure Automation expose to a process
/// through IDENTITY_ENDPOINT and IDENTITY_HEADER (api-version 2019-08-01, the secret in X-IDENTITY-HEADER, an
/// optional client_id for a user-assigned identity). Tokens are issued in the managed tenant.
/// </summary>
internal sealed class ManagedIdentityEndpoint
{
    public const string Path = "/msi/token";
    public const string ApiVersion = "2019-08-01";
    public const string SecretHeader = "X-IDENTITY-HEADER";

    private readonly AppDirectory directory;
    private readonly TokenIssuer issuer;

    public ManagedIdentityEndpoint(AppDirectory directory, TokenIssuer issuer)
    {
        this.directory = directory;
        this.issuer = issuer;
    }

    /// <summary>What the platform puts in IDENTITY_HEADER; a caller without it is refused.</summary>
    public string Secret { get; } = RandomNumberGenerator.GetHexString(32);

    public string SystemAssignedClientId { get; } = Guid.NewGuid().ToString();

    public string UserAssignedClientId { get; } = Guid.NewGuid().ToString();

    private string SystemAssignedObjectId { get; } = Guid.NewGuid().ToString();

    private string UserAssignedObjectId { get; } = Guid.NewGuid().ToString();

    public Task HandleAsync(HttpContext context)
    {
        string presented = context.Request.Headers[SecretHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Secret)))
        {
            return Error(context, StatusCodes.Status401Unauthorized, "The X-IDENTITY-HEADER header is missing or wrong.");
        }

        if (context.Request.Query["api-version"].ToString() != ApiVersion)
        {
            return Error(context, StatusCodes.Status400BadRequest, $"The api-version must be {ApiVersion}.");
        }

        string? audience = KnownResources.Canonical(context.Request.Query["resource"].ToString());
        if (audience is null)
        {
            return Error(context, StatusCodes.Status400BadRequest, "The resource is missing or unknown.");
        }

        string clientId = context.Request.Query["client_id"].ToString();
        string objectId;
        if (clientId.Length == 0)
        {
            clientId = SystemAssignedClientId;
            objectId = SystemAssignedObjectId;
        }
        else if (string.Equals(clientId, UserAssignedClientId, StringComparison.OrdinalIgnoreCase))
        {
            objectId = UserAssignedObjectId;
        }
        else
        {
            return Error(context, StatusCodes.Status400BadRequest, $"No user-assigned identity with client id '{clientId}' is assigned to this resource.");
        }

        var subject = new TokenSubject(directory.ManagedApp.TenantId, clientId, objectId, [TokenIssuer.SiemRole], null, null);
        IssuedToken token = issuer.Issue(subject, audience);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token.AccessToken);
            writer.WriteString("expires_on", token.ExpiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            writer.WriteString("resource", token.Audience);
            writer.WriteString("token_type", "Bearer");
            writer.WriteString("client_id", clientId);
            writer.WriteEndObject();
        });
    }

    private static Task Error(HttpContext context, int status, string message) =>
        JsonResponse.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", status);
            writer.WriteString("message", message);
            writer.WriteString("correlationId", context.TraceIdentifier);
            writer.WriteEndObject();
        });
}
