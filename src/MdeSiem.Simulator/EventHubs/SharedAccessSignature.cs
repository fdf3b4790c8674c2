using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// Checks a shared access signature as Event Hubs does: "SharedAccessSignature sr={URL-encoded resource}&amp;sig={
/// URL-encoded base64 HMAC-SHA256 of the encoded resource, a line feed and the expiry}&amp;se={Unix seconds}&amp;skn=
/// {policy name}", signed with the policy's key. The simulated namespace has one policy, at the namespace's level
/// (as RootManageSharedAccessKey is), and such a policy signs for the namespace and every entity in it: a valid
/// signature for an event hub that does not exist passes here, and the entity's absence is the answer's (404).
/// https://learn.microsoft.com/azure/event-hubs/authenticate-shared-access-signature
/// </summary>
public static class SharedAccessSignature
{
    private const string Prefix = "SharedAccessSignature ";

    /// <summary>Null when the token is signed with the policy and unexpired, otherwise why it is not.</summary>
    public static string? Check(string token, string keyName, string key, DateTimeOffset now)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "The token is not a shared access signature.";
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in token[Prefix.Length..].Split('&'))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[part[..equals]] = part[(equals + 1)..];
            }
        }

        if (!fields.TryGetValue("sr", out string? resource) || !fields.TryGetValue("sig", out string? signature)
            || !fields.TryGetValue("se", out string? expiry) || !fields.TryGetValue("skn", out string? name))
        {
            return "The shared access signature lacks sr, sig, se or skn.";
        }

        if (!string.Equals(name, keyName, StringComparison.Ordinal))
        {
            return $"The policy '{name}' does not exist.";
        }

        if (!long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out long expirySeconds) || expirySeconds < now.ToUnixTimeSeconds())
        {
            return "The shared access signature has expired.";
        }

        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(resource + "\n" + expiry));
        byte[] actual;
        try
        {
            actual = Convert.FromBase64String(Uri.UnescapeDataString(signature));
        }
        catch (FormatException)
        {
            return "The signature is not base64.";
        }

        return CryptographicOperations.FixedTimeEquals(expected, actual) ? null : "The signature does not match.";
    }
}
