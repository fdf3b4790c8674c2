using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/devicecode: starts a device-code sign-in (RFC 8628) for a registered app. The
/// client then polls the token endpoint, getting authorization_pending until a test approves the user code.
/// </summary>
internal sealed class DeviceCodeEndpoint
{
    // Short, so that MSAL's polling (it waits this long between polls) keeps tests quick.
    private const int PollingIntervalSeconds = 1;

    private readonly AppDirectory directory;
    private readonly DelegatedSignIns signIns;

    public DeviceCodeEndpoint(AppDirectory directory, DelegatedSignIns signIns)
    {
        this.directory = directory;
        this.signIns = signIns;
    }

    public async Task HandleAsync(HttpContext context)
    {
        string tenant = context.Request.RouteValues["tenant"] as string ?? "";
        IFormCollection form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : FormCollection.Empty;
        if (!directory.IsKnownTenant(tenant))
        {
            await EntraError.TenantNotFound(tenant).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        string clientId = form["client_id"].ToString();
        RegisteredApp? app = directory.FindApp(tenant, clientId);
        if (app is null)
        {
            await EntraError.UnknownClient(clientId, tenant).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        DeviceAuthorization authorization = signIns.Begin(app, form["scope"].ToString());
        string verificationUri = $"{context.Request.Scheme}://{context.Request.Host.Value}/devicelogin";
        long expiresIn = (long)(authorization.ExpiresOn - System.DateTimeOffset.UtcNow).TotalSeconds;
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("user_code", authorization.UserCode);
            writer.WriteString("device_code", authorization.DeviceCode);
            writer.WriteString("verification_uri", verificationUri);
            writer.WriteNumber("expires_in", expiresIn > 0 ? expiresIn : 900);
            writer.WriteNumber("interval", PollingIntervalSeconds);
            writer.WriteString(
                "message",
                $"To sign in, use a web browser to open the page {verificationUri} and enter the code {authorization.UserCode} to authenticate.");
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
