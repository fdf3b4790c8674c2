using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Reads a PEM file holding a certificate and its private key: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY"),
/// or encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY", with the password). The readers exist from .NET 5 (PowerShell 7)
/// but netstandard2.0 cannot name them, so they are found by reflection; Windows PowerShell gets a clear error.
/// </summary>
internal static class PemCertificateReader
{
    private const string EncryptedPkcs8Label = "-----BEGIN ENCRYPTED PRIVATE KEY-----";

    // OpenSSL's legacy encryption of a PKCS#1 key; .NET reads only encrypted PKCS#8.
    private const string LegacyEncryptionHeader = "Proc-Type: 4,ENCRYPTED";

    // X509Certificate2.CreateFromEncryptedPemFile(string, ReadOnlySpan<char>, string?): a span cannot pass through
    // MethodInfo.Invoke, but a delegate of the same shape can call it (System.Memory's span is the runtime's type).
    private delegate X509Certificate2 EncryptedPemFactory(string certificatePath, ReadOnlySpan<char> password, string? keyPath);

    public static X509Certificate2 Read(string path, SecureString? password)
    {
        var text = File.ReadAllText(path);
        if (text.IndexOf(LegacyEncryptionHeader, StringComparison.Ordinal) >= 0)
        {
            throw Unusable(path, "its private key uses OpenSSL's legacy PEM encryption, which .NET cannot read",
                "Convert the key to encrypted PKCS#8 (openssl pkcs8 -topk8 -v2 aes-256-cbc) or to a PFX.");
        }

        if (text.IndexOf(EncryptedPkcs8Label, StringComparison.Ordinal) < 0)
        {
            var create = typeof(X509Certificate2).GetMethod(
                "CreateFromPemFile", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null)
                ?? throw NeedsPowerShell7(path);
            try
            {
                return (X509Certificate2)create.Invoke(null, new object?[] { path, null })!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException is CryptographicException or ArgumentException)
            {
                throw Unusable(path, "it does not hold a certificate followed by its unencrypted or encrypted PKCS#8 or PKCS#1 RSA private key",
                    "Put the certificate and its private key in one PEM file, or use a PFX.");
            }
        }

        if (password is null)
        {
            throw Unusable(path, "its private key is encrypted and no -CertificatePassword was given", "Pass the key's password with -CertificatePassword.");
        }

        var method = typeof(X509Certificate2).GetMethod(
            "CreateFromEncryptedPemFile", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(ReadOnlySpan<char>), typeof(string) }, null)
            ?? throw NeedsPowerShell7(path);
        var factory = (EncryptedPemFactory)Delegate.CreateDelegate(typeof(EncryptedPemFactory), method);
        var characters = ToCharacters(password);
        try
        {
            return factory(path, characters, null);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw Unusable(path, "the password is wrong or the file does not hold a certificate and its encrypted PKCS#8 key",
                "Check -CertificatePassword, and that the file is a PEM certificate with its private key.");
        }
        finally
        {
            Array.Clear(characters, 0, characters.Length);
        }
    }

    // The password's characters in an array we zero afterwards, so no immutable string copy outlives the call.
    private static char[] ToCharacters(SecureString secure)
    {
        var pointer = IntPtr.Zero;
        var characters = new char[secure.Length];
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            Marshal.Copy(pointer, characters, 0, characters.Length);
            return characters;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    private static MdeSiemException NeedsPowerShell7(string path) =>
        new(ErrorCode.CertificateUnusable, "PEM certificate files need PowerShell 7; in Windows PowerShell use a PFX file.")
        {
            RecommendedAction = "Convert the PEM to a PFX, or run in PowerShell 7.",
            Target = path,
        };

    private static MdeSiemException Unusable(string path, string reason, string action) =>
        new(ErrorCode.CertificateUnusable, $"The PEM file '{path}' cannot be used for sign-in: {reason}.")
        {
            RecommendedAction = action,
            Target = path,
        };
}
