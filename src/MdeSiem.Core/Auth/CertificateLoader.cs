using System;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Finds the certificate a user names for certificate sign-in: by thumbprint in the CurrentUser then LocalMachine
/// "My" store, or from a PFX (with its password) or PEM file. Failures say what to fix without echoing a password.
/// </summary>
public static class CertificateLoader
{
    public static X509Certificate2 FromThumbprint(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", string.Empty).Trim();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            var found = FindInStore(location, wanted);
            if (found is not null)
            {
                return RequirePrivateKey(found, thumbprint);
            }
        }

        throw new MdeSiemException(ErrorCode.CertificateNotFound, $"No certificate with thumbprint {wanted} is in the CurrentUser or LocalMachine personal (My) store.")
        {
            RecommendedAction = "Import the certificate with its private key, or pass it with -Certificate or -CertificatePath.",
            Target = wanted,
        };
    }

    /// <summary>A .pfx/.p12 file (with <paramref name="password"/> if it has one), or a .pem/.crt file holding the key too.</summary>
    public static X509Certificate2 FromFile(string path, SecureString? password)
    {
        if (!File.Exists(path))
        {
            throw new MdeSiemException(ErrorCode.CertificateNotFound, $"The certificate file '{path}' does not exist.")
            {
                RecommendedAction = "Check the path given to -CertificatePath.",
                Target = path,
            };
        }

        if (IsPem(path))
        {
            return RequirePrivateKey(PemCertificateReader.Read(path, password), path);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = password is null
                    ? new X509Certificate2(path, (string?)null, X509KeyStorageFlags.DefaultKeySet)
                    : new X509Certificate2(path, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (CryptographicException)
        {
            // The platform's message may quote the file's contents on some systems; the id says what happened.
            throw new MdeSiemException(
                ErrorCode.CertificateUnusable,
                $"The certificate file '{path}' could not be opened: the password is wrong, or it is not a certificate with a private key.")
            {
                RecommendedAction = "Check -CertificatePassword, and that the file is a PFX (or a PEM with the private key).",
                Target = path,
            };
        }

        return RequirePrivateKey(certificate, path);
    }

    public static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate, object target)
    {
        if (certificate is null)
        {
            throw new ArgumentNullException(nameof(certificate));
        }

        if (!certificate.HasPrivateKey)
        {
            throw new MdeSiemException(ErrorCode.CertificateUnusable, $"The certificate {certificate.Thumbprint} has no private key; sign-in needs it to sign the client assertion.")
            {
                RecommendedAction = "Use the certificate with its private key (a PFX, or the store entry created with the key).",
                Target = target,
            };
        }

        return certificate;
    }

    private static X509Certificate2? FindInStore(StoreLocation location, string thumbprint)
    {
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var matches = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return matches.Count > 0 ? matches[0] : null;
        }
        catch (CryptographicException)
        {
            // The store does not exist on this system (LocalMachine\My on Linux is read-only or absent).
            return null;
        }
    }

    private static bool IsPem(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".pem", StringComparison.OrdinalIgnoreCase) || extension.Equals(".crt", StringComparison.OrdinalIgnoreCase);
    }
}
