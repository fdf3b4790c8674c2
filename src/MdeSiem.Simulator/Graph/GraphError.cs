using System;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Graph;

/// <summary>Graph's error shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.</summary>
internal sealed record GraphError(int StatusCode, string Code, string Message)
{
    public static GraphError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static GraphError NotFound(string message) => new(StatusCodes.Status404NotFound, "NotFound", message);

    public Task WriteAsync(HttpContext context, DateTime nowUtc) =>
        JsonResponse.WriteAsync(context, StatusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", Code);
            writer.WriteString("message", Message);
            writer.WriteStartObject("innerError");
            writer.WriteString("date", nowUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("request-id", context.TraceIdentifier);
            // The client's own id when it sent one (echoed in the response header by RequestTracking), else the request id.
            writer.WriteString("client-request-id", context.Response.Headers["client-request-id"].ToString());
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}
