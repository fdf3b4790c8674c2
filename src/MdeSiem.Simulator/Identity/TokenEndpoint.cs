using System.Globalization;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// POST /{tenant}/oauth2/token (v1, form field resource) and POST /{tenant}/oauth2/v2.0/token (v2, form field
/// scope=resource/.default). Like Entra ID, v1 sends its numbers as strings and v2 as numbers.
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly TokenRequestValidator validator;
    private readonly TokenIssuer issuer;
    private readonly FaultQueue faults;
    private readonly DelegatedTokenGrant delegated;

    public TokenEndpoint(TokenRequestValidator validator, TokenIssuer issuer, FaultQueue faults, DelegatedTokenGrant delegated)
    {
        this.validator = validator;
        this.issuer = issuer;
        this.faults = faults;
        this.delegated = delegated;
    }

    public Task HandleV1Async(HttpContext context) => HandleAsync(context, isV2: false);

    public Task HandleV2Async(HttpContext context) => HandleAsync(context, isV2: true);

    private async Task HandleAsync(HttpContext context, bool isV2)
    {
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
        if (faults.TakeNext(FaultTarget.TokenEndpoint) is { } fault && await FaultResponder.AnswerAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        string tenant = context.Request.RouteValues["tenant"] as string ?? "";
        IFormCollection form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : FormCollection.Empty;
        if (DelegatedTokenGrant.Handles(form["grant_type"].ToString()))
        {
            await delegated.HandleAsync(context, tenant, form).ConfigureAwait(false);
            return;
        }

        EntraError? error = validator.Validate(tenant, form, isV2, out RegisteredApp? app, out string audience);
        if (error is not null || app is null)
        {
            await (error ?? EntraError.MissingParameter("client_id")).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        IssuedToken token = issuer.Issue(app, audience);
        long lifetime = (long)(token.ExpiresOn - token.NotBefore).TotalSeconds;
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_type", "Bearer");
            if (isV2)
            {
                writer.WriteNumber("expires_in", lifetime);
                writer.WriteNumber("ext_expires_in", lifetime);
            }
            else
            {
                writer.WriteString("expires_in", Text(lifetime));
                writer.WriteString("ext_expires_in", Text(lifetime));
                writer.WriteString("expires_on", Text(token.ExpiresOn.ToUnixTimeSeconds()));
                writer.WriteString("not_before", Text(token.NotBefore.ToUnixTimeSeconds()));
                writer.WriteString("resource", token.Audience);
            }

            writer.WriteString("access_token", token.AccessToken);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
