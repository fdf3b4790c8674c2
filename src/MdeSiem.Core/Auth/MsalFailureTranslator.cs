using System;
using MdeSiem.Core.Errors;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>Turns MSAL's exceptions into the module's error codes, keeping the identity platform's own words.</summary>
internal static class MsalFailureTranslator
{
    // Entra's "tenant not found" (also answered for a tenant of another cloud).
    private const string TenantNotFoundCode = "AADSTS90002:";

    // Entra's error codes: "AADSTS" + number, then the sentence that says what is wrong.
    private const string ServiceReasonPrefix = "AADSTS";

    // How MSAL introduces the server's text after its own advice.
    private const string OriginalExceptionLabel = "Original exception:";

    // What the browser sends back when the user cancels or refuses consent, and MSAL's code for a closed flow.
    private const string AccessDenied = "access_denied";

    public static MdeSiemException Translate(MsalException exception)
    {
        var reason = ReasonOf(exception);

        if (exception.ErrorCode is AccessDenied or MsalError.AuthenticationCanceledError)
        {
            return new MdeSiemException(ErrorCode.SignInDeclined, $"The interactive sign-in was declined or cancelled ({exception.ErrorCode}): {reason}", exception)
            {
                RecommendedAction = "Run Connect-MdeSiem -Interactive again and accept the sign-in, or ask an administrator to consent to the application.",
            };
        }

        if (exception.ErrorCode == MsalError.LinuxXdgOpen)
        {
            return new MdeSiemException(ErrorCode.BrowserUnavailable, "No system browser could be started for the interactive sign-in.", exception)
            {
                RecommendedAction = "Use Connect-MdeSiem -DeviceCode on a machine without a browser (and not under sudo), or install xdg-utils.",
            };
        }

        if (exception is MsalServiceException service)
        {
            var isOutage = service.StatusCode >= 500 || service.StatusCode == 0;
            var tenantMissing = reason.StartsWith(TenantNotFoundCode, StringComparison.Ordinal);
            return new MdeSiemException(
                isOutage ? ErrorCode.ConnectionFailed : tenantMissing ? ErrorCode.TenantNotFound : ErrorCode.AuthenticationFailed,
                $"Sign-in failed ({service.ErrorCode}): {reason}",
                exception)
            {
                StatusCode = service.StatusCode == 0 ? null : service.StatusCode,
                RequestId = service.CorrelationId,
                RecommendedAction = isOutage
                    ? "Check the network path to the sign-in endpoint and try again."
                    : tenantMissing
                        ? "Check the tenant id and that -Environment names the cloud the tenant lives in."
                        : "Check the tenant id, the application (client) id and the credential (secret or certificate) registered for the app, and that it has not expired.",
            };
        }

        return new MdeSiemException(ErrorCode.AuthenticationFailed, $"Sign-in failed ({exception.ErrorCode}): {reason}", exception)
        {
            RecommendedAction = "Check the connection parameters and try again.",
        };
    }

    /// <summary>
    /// The identity platform's own reason first: MSAL puts its generic advice ("A configuration issue is preventing
    /// authentication - check the error message from the server for details...") before the server's
    /// "AADSTS7000215: Invalid client secret provided...", which is the line that says what is wrong. MSAL's text
    /// follows it; the trace, correlation id and timestamp lines after the AADSTS sentence only add noise.
    /// </summary>
    internal static string ReasonOf(MsalException exception)
    {
        var lines = exception.Message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return exception.ErrorCode;
        }

        foreach (var line in lines)
        {
            var start = line.IndexOf(ServiceReasonPrefix, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var serviceReason = line.Substring(start).Trim();
            var before = line.Substring(0, start).Trim();
            var msalText = start > 0 ? before : line == lines[0] ? null : lines[0].Trim();
            msalText = msalText?.TrimEnd(':').Replace(OriginalExceptionLabel, string.Empty).Trim();
            return string.IsNullOrEmpty(msalText) ? serviceReason : $"{serviceReason} ({msalText})";
        }

        return lines[0];
    }
}
