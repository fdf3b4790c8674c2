using System;
using System.Globalization;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Token endpoint errors in Entra ID's shape: error, an "AADSTSnnnn: ..." description followed by Trace ID,
/// Correlation ID and Timestamp lines, error_codes, timestamp, trace_id, correlation_id and error_uri.
/// Descriptions name the client id or the resource at most, never a secret.
/// </summary>
internal sealed record EntraError(int StatusCode, string Error, int Code, string Message)
{
    public static EntraError TenantNotFound(string tenant) => new(
        400,
        "invalid_request",
        90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. " +
        "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static EntraError MissingParameter(string parameter) => new(
        400, "invalid_request", 900144, $"The request body must contain the following parameter: '{parameter}'.");

    public static EntraError UnsupportedGrant(string grantType) => new(
        400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");

    public static EntraError UnknownClient(string clientId, string tenant) => new(
        400,
        "unauthorized_client",
        700016,
        $"Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application " +
        "has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
        "You may have sent your authentication request to the wrong tenant.");

    public static EntraError MissingSecret() => new(
        401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static EntraError InvalidSecret(string clientId) => new(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client " +
        $"secret ID, for a secret added to app '{clientId}'.");

    public static EntraError UnknownResource(string resource, string tenant) => new(
        400,
        "invalid_resource",
        500011,
        $"The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application " +
        "has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
        "You might have sent your authentication request to the wrong tenant.");

    public static EntraError ScopeWithoutDefault(string scope) => new(
        400,
        "invalid_scope",
        1002012,
        $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default " +
        "suffixed to the resource identifier (application ID URI).");

    public static EntraError InvalidAssertionType(string assertionType) => new(
        400, "invalid_request", 50027, $"The client_assertion_type '{assertionType}' is not supported; use {ClientAssertionValidator.JwtBearerType}.");

    public static EntraError InvalidAssertion(string reason) => new(
        401, "invalid_client", 700027, $"Client assertion failed validation. [Reason - {reason}]");

    public static EntraError InvalidSignature(string thumbprint) => new(
        401,
        "invalid_client",
        700027,
        $"Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}']");

    public static EntraError AuthorizationPending() => new(
        400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    public static EntraError DeviceCodeExpired() => new(
        400, "expired_token", 70020, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request.");

    public static EntraError InvalidGrant(string what) => new(
        400, "invalid_grant", 9002313, $"Invalid request. Request is malformed or invalid: the {what} is not valid.");

    public static EntraError CodeVerifierMismatch() => new(
        400, "invalid_grant", 50148, "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");

    public static EntraError RedirectUriMismatch() => new(
        400, "invalid_grant", 70000, "The provided value for the 'redirect_uri' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.");

    public static EntraError Transient(int statusCode) => new(
        statusCode, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");

    public Task WriteAsync(HttpContext context)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string timestamp = now.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string traceId = context.TraceIdentifier;
        string correlationId = context.Response.Headers["client-request-id"].ToString();
        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"AADSTS{Code}: {Message}\r\nTrace ID: {traceId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}");
        return JsonResponse.WriteAsync(context, StatusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", Error);
            writer.WriteString("error_description", description);
            writer.WriteStartArray("error_codes");
            writer.WriteNumberValue(Code);
            writer.WriteEndArray();
            writer.WriteString("timestamp", timestamp);
            writer.WriteString("trace_id", traceId);
            writer.WriteString("correlation_id", correlationId);
            writer.WriteString("error_uri", string.Create(CultureInfo.InvariantCulture, $"https://login.microsoftonline.com/error?code={Code}"));
            writer.WriteEndObject();
        });
    }
}
