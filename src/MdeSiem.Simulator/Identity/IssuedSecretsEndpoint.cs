using System.Net;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// GET /test/issued-secrets: a test-only endpoint (no real service has it) that lists every token and code issued
/// so far as {"values":[...]}, so a Pester test driving the simulator program can scan its output for them. It
/// answers loopback callers only; the simulator listens on loopback anyway.
/// </summary>
internal static class IssuedSecretsEndpoint
{
    public const string Path = "/test/issued-secrets";

    public static Task HandleAsync(HttpContext context, IssuedSecrets issued)
    {
        if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Headers.CacheControl = "no-store, no-cache";
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("values");
            foreach (string value in issued.Snapshot())
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
