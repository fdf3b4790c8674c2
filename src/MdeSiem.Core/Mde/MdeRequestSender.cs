using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Mde;

/// <summary>
/// Sends one Defender for Endpoint or Defender XDR API request through the connection's handler chain (retry with
/// Retry-After, the API's call budget, bearer token for its audience, logging); a 403 names the permission needed.
/// </summary>
internal static class MdeRequestSender
{
    public static async Task<HttpResponseMessage> SendAsync(
        MdeSiemConnection connection,
        MdeApi api,
        HttpMethod method,
        Uri uri,
        string? jsonBody,
        string permission,
        CancellationToken cancellationToken,
        bool? idempotent = null)
    {
        var (audience, budget, application) = api == MdeApi.Alerts
            ? (connection.Endpoints.MdeAudience, ApiNames.MdeAlerts, "WindowsDefenderATP")
            : (connection.Endpoints.XdrAudience, ApiNames.XdrIncidents, "Microsoft Threat Protection");
        try
        {
            return await ServiceCaller.SendAsync(connection.Http, method, uri, jsonBody, audience, budget, cancellationToken, idempotent).ConfigureAwait(false);
        }
        catch (MdeSiemException failure) when (failure.Code == ErrorCode.PermissionDenied)
        {
            throw new MdeSiemException(failure.Code, $"{failure.Message} This call needs the {application} application permission {permission}.", failure)
            {
                StatusCode = failure.StatusCode,
                RequestId = failure.RequestId,
                Target = failure.Target,
                RecommendedAction = $"Grant the app registration the {application} application permission {permission} (APIs my organization uses) with admin consent, then run Connect-MdeSiem again.",
            };
        }
    }
}
