using System;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace MdeSiem.Simulator.Identity;

/// <summary>The RSA key that signs access tokens, made fresh at each start so tokens never outlive a simulator.</summary>
internal sealed class SigningKey : IDisposable
{
    public SigningKey()
    {
        Rsa = RSA.Create(2048);
        RSAParameters publicPart = Rsa.ExportParameters(includePrivateParameters: false);
        byte[] modulus = publicPart.Modulus ?? throw new CryptographicException("The RSA key has no modulus.");
        Modulus = Base64Url.EncodeToString(modulus);
        Exponent = Base64Url.EncodeToString(publicPart.Exponent);

        // Entra's key ids are base64url thumbprints; any stable string per key works for clients.
        KeyId = Base64Url.EncodeToString(SHA256.HashData(modulus)).Substring(0, 27);
    }

    public RSA Rsa { get; }

    public string KeyId { get; }

    /// <summary>The public modulus, base64url, as published in a JWKS document.</summary>
    public string Modulus { get; }

    public string Exponent { get; }

    public byte[] Sign(byte[] data) => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        Rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose() => Rsa.Dispose();
}
