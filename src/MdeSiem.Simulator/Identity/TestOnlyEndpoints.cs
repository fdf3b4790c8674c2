using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Endpoints no real service has, for tests that drive the simulator program from another process. They answer
/// loopback callers only (the simulator listens on loopback anyway), as {"values":[...]}:
/// GET /test/issued-secrets lists every token and code issued so far, so a test can scan a client's output for them;
/// GET /test/pending-device-codes lists the user codes waiting for a user, so a test can play the user.
/// </summary>
internal static class TestOnlyEndpoints
{
    public const string IssuedSecretsPath = "/test/issued-secrets";
    public const string PendingDeviceCodesPath = "/test/pending-device-codes";

    public static Task IssuedSecretsAsync(HttpContext context, IssuedSecrets issued) => ListAsync(context, issued.Snapshot());

    public static Task PendingDeviceCodesAsync(HttpContext context, DelegatedSignIns signIns) => ListAsync(context, signIns.PendingUserCodes);

    private static Task ListAsync(HttpContext context, IReadOnlyList<string> values)
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
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
