using System;
using System.Security.Cryptography;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Finds the SubjectPublicKeyInfo in a DER X.509 certificate (RFC 5280 4.1: Certificate = SEQUENCE { tbsCertificate
/// SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ... },
/// ... }). netstandard2.0 has no API that exports it, and a whole ASN.1 library is more than this one walk needs.
/// </summary>
internal static class DerCertificate
{
    public static byte[] SubjectPublicKeyInfo(byte[] certificate)
    {
        var (certStart, _) = Contents(certificate, 0);
        var (tbsStart, _) = Contents(certificate, certStart);
        var position = tbsStart;
        if (certificate[position] == 0xA0)
        {
            position = Next(certificate, position);
        }

        // serialNumber, signature, issuer, validity, subject.
        for (var field = 0; field < 5; field++)
        {
            position = Next(certificate, position);
        }

        var end = Next(certificate, position);
        var spki = new byte[end - position];
        Buffer.BlockCopy(certificate, position, spki, 0, spki.Length);
        return spki;
    }

    /// <summary>The offset and length of the contents of the element at <paramref name="offset"/>.</summary>
    private static (int Start, int Length) Contents(byte[] der, int offset)
    {
        if (offset + 2 > der.Length)
        {
            throw new CryptographicException("The certificate's DER encoding ends early.");
        }

        var first = der[offset + 1];
        if (first < 0x80)
        {
            return (offset + 2, first);
        }

        var count = first & 0x7F;
        if (count is 0 or > 4 || offset + 2 + count > der.Length)
        {
            throw new CryptographicException("The certificate's DER encoding has a length it cannot hold.");
        }

        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length = (length << 8) | der[offset + 2 + i];
        }

        return (offset + 2 + count, length);
    }

    private static int Next(byte[] der, int offset)
    {
        var (start, length) = Contents(der, offset);
        if (length < 0 || start + length > der.Length)
        {
            throw new CryptographicException("The certificate's DER encoding ends early.");
        }

        return start + length;
    }
}
