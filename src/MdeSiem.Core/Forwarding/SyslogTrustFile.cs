using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Reads the CA certificates to trust for a collector from a file: PEM with one or more "CERTIFICATE" blocks (the
/// form rsyslog's and OpenSSL's CA files take), or one DER certificate. Only public certificates: no key is read.
/// </summary>
public static class SyslogTrustFile
{
    private static readonly Regex PemBlock = new(
        "-----BEGIN CERTIFICATE-----(?<body>[A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static X509Certificate2Collection Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MdeSiemException(ErrorCode.CertificateNotFound, $"The CA certificate file '{path}' does not exist.")
            {
                RecommendedAction = "Check the path given to -CaCertificatePath.",
                Target = path,
            };
        }

        var collection = new X509Certificate2Collection();
        try
        {
            var bytes = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            var blocks = PemBlock.Matches(text);
            if (blocks.Count == 0)
            {
                collection.Add(new X509Certificate2(bytes));
            }

            foreach (Match block in blocks)
            {
                collection.Add(new X509Certificate2(Convert.FromBase64String(block.Groups["body"].Value)));
            }
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            throw new MdeSiemException(ErrorCode.CertificateUnusable, $"The CA certificate file '{path}' holds no certificate that can be read.")
            {
                RecommendedAction = "Give a PEM file of one or more certificates (-----BEGIN CERTIFICATE-----) or a DER certificate.",
                Target = path,
            };
        }

        return collection;
    }
}
