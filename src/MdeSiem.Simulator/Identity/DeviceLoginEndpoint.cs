using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// The device-code verification page (the verification_uri, /devicelogin): GET shows a form, POST with the field
/// otc (the user code, as Entra's page names it) signs the tenant's user in and approves that code. In-process
/// tests can call <see cref="SimulatedTenant.ApproveDeviceCode"/> instead.
/// </summary>
internal sealed class DeviceLoginEndpoint
{
    public const string Path = "/devicelogin";

    private readonly DelegatedSignIns signIns;

    public DeviceLoginEndpoint(DelegatedSignIns signIns)
    {
        this.signIns = signIns;
    }

    public static Task ShowAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            "<html><body><form method=\"POST\" action=\"/devicelogin\"><input type=\"text\" name=\"otc\" /><input type=\"submit\" value=\"Next\" /></form></body></html>\n",
            context.RequestAborted);
    }

    public async Task ApproveAsync(HttpContext context)
    {
        IFormCollection form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
            : FormCollection.Empty;
        bool approved = signIns.Approve(form["otc"].ToString());
        context.Response.StatusCode = approved ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            approved
                ? "<html><body><p id=\"done\">You have signed in. You may now close this window.</p></body></html>\n"
                : "<html><body><p id=\"error\">AADSTS70000: That code didn't work. Check the code and try again.</p></body></html>\n",
            context.RequestAborted).ConfigureAwait(false);
    }
}
