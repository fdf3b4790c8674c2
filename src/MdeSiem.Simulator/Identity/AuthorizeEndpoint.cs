using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// GET /{tenant}/oauth2/v2.0/authorize: the page a system browser opens for an interactive sign-in (authorization
/// code with PKCE). The page offers two links, <c>id="approve"</c> and <c>id="deny"</c>; whoever plays the user (a
/// test's fake browser) follows one. The answer goes back to the client's loopback redirect URI as Entra sends it:
/// an auto-submitting form (response_mode=form_post, what MSAL asks for) or a 302 with the query (response_mode=query).
/// </summary>
internal sealed class AuthorizeEndpoint
{
    public const string Path = "/{tenant}/oauth2/v2.0/authorize";
    public const string DecisionPath = "/{tenant}/oauth2/v2.0/authorize/{request}/{decision}";

    private readonly AppDirectory directory;
    private readonly BrowserSignIns signIns;

    public AuthorizeEndpoint(AppDirectory directory, BrowserSignIns signIns)
    {
        this.directory = directory;
        this.signIns = signIns;
    }

    public Task ShowSignInPageAsync(HttpContext context)
    {
        string tenant = context.Request.RouteValues["tenant"] as string ?? "";
        IQueryCollection query = context.Request.Query;
        if (!directory.IsKnownTenant(tenant))
        {
            return ErrorPageAsync(context, EntraError.TenantNotFound(tenant));
        }

        string clientId = query["client_id"].ToString();
        RegisteredApp? app = directory.FindApp(tenant, clientId);
        if (app is null)
        {
            return ErrorPageAsync(context, EntraError.UnknownClient(clientId, tenant));
        }

        // Like Entra, a redirect URI that is not registered gets an error page, never a redirect to it. The app
        // registration of a public client lists http://localhost, which matches any loopback port.
        string redirectUri = query["redirect_uri"].ToString();
        if (!IsLoopbackRedirect(redirectUri))
        {
            return ErrorPageAsync(context, new EntraError(
                400, "invalid_request", 50011, $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'."));
        }

        string challenge = query["code_challenge"].ToString();
        if (query["response_type"].ToString() != "code" || challenge.Length == 0 || query["code_challenge_method"].ToString() != "S256")
        {
            // This simulator insists on PKCE with S256: a client that does not send it is the bug a test should find.
            return ErrorPageAsync(context, new EntraError(
                400, "invalid_request", 9002325, "Proof Key for Code Exchange is required: send response_type=code, code_challenge and code_challenge_method=S256."));
        }

        AuthorizationRequest request = signIns.Begin(app, redirectUri, query["scope"].ToString(), challenge, query["state"].ToString());
        string decisionRoot = $"{context.Request.Scheme}://{context.Request.Host.Value}/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/authorize/{request.Id}/";
        string responseMode = query["response_mode"].ToString();
        string mode = responseMode == "form_post" ? "form_post" : "query";
        return HtmlAsync(context, StatusCodes.Status200OK, $"""
            <!DOCTYPE html>
            <html><head><title>Sign in to your account</title></head>
            <body>
            <p>Signed in as {DelegatedSignIns.UserName}. Let the app read alerts on your behalf?</p>
            <a id="approve" href="{decisionRoot}approve?mode={mode}">Accept</a>
            <a id="deny" href="{decisionRoot}deny?mode={mode}">Cancel</a>
            </body></html>
            """);
    }

    public Task DecideAsync(HttpContext context)
    {
        string requestId = context.Request.RouteValues["request"] as string ?? "";
        string decision = context.Request.RouteValues["decision"] as string ?? "";
        AuthorizationRequest? request = signIns.Decide(requestId);
        if (request is null || decision is not ("approve" or "deny"))
        {
            return ErrorPageAsync(context, EntraError.InvalidGrant("sign-in request"));
        }

        (string Name, string Value)[] answer = decision == "approve"
            ? [("code", signIns.IssueCode(request)), ("state", request.State)]
            : [
                ("error", "access_denied"),
                ("error_description", "AADSTS65004: User declined to consent to access the app."),
                ("state", request.State),
            ];
        return context.Request.Query["mode"].ToString() == "form_post"
            ? FormPostAsync(context, request.RedirectUri, answer)
            : RedirectAsync(context, request.RedirectUri, answer);
    }

    private static bool IsLoopbackRedirect(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out Uri? uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    // Entra's form_post page: hidden fields posted to the redirect URI by script; a fake browser posts them itself.
    private static Task FormPostAsync(HttpContext context, string redirectUri, (string Name, string Value)[] fields)
    {
        var html = new StringBuilder();
        html.Append("<html><head><title>Working...</title></head><body>\n");
        html.Append("<form method=\"POST\" name=\"hiddenform\" action=\"").Append(WebUtility.HtmlEncode(redirectUri)).Append("\">\n");
        foreach ((string name, string value) in fields)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\" />\n");
        }

        html.Append("<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\" /></noscript>\n");
        html.Append("</form><script language=\"javascript\">document.forms[0].submit();</script></body></html>\n");
        return HtmlAsync(context, StatusCodes.Status200OK, html.ToString());
    }

    private static Task RedirectAsync(HttpContext context, string redirectUri, (string Name, string Value)[] fields)
    {
        var location = new StringBuilder(redirectUri);
        char separator = redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach ((string name, string value) in fields)
        {
            location.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location.ToString();
        return Task.CompletedTask;
    }

    private static Task ErrorPageAsync(HttpContext context, EntraError error) =>
        HtmlAsync(context, error.StatusCode, $"<html><body><p id=\"error\">AADSTS{error.Code}: {WebUtility.HtmlEncode(error.Message)}</p></body></html>\n");

    private static Task HtmlAsync(HttpContext context, int statusCode, string html)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store, no-cache";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
