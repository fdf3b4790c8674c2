using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Siem;

/// <summary>SIEM API errors in the Microsoft REST shape {"error":{"code","message","target"}}; target is the request id.</summary>
internal sealed record SiemError(int StatusCode, string Code, string Message)
{
    public static SiemError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static SiemError Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static SiemError Forbidden(string message) => new(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static SiemError ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status429TooManyRequests => new(statusCode, "TooManyRequests", "Rate limit is exceeded. Try again later."),
        StatusCodes.Status500InternalServerError => new(statusCode, "InternalServerError", "Error in the service."),
        StatusCodes.Status503ServiceUnavailable => new(statusCode, "ServiceUnavailable", "The service is temporarily unavailable."),
        _ => new(statusCode, "Error", "Simulated failure."),
    };

    public Task WriteAsync(HttpContext context) =>
        JsonResponse.WriteAsync(context, StatusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", Code);
            writer.WriteString("message", Message);
            writer.WriteString("target", context.TraceIdentifier);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}
