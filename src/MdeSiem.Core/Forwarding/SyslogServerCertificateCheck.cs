using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Decides whether the collector's TLS certificate is trusted, in this order: pins when given (a match is the whole
/// decision, so a self-signed collector can be pinned); otherwise the system's verdict, where a chain that ends in
/// one of the given CA certificates counts as trusted (the host name must still match). The reason for a refusal
/// is kept, since SslStream's own message only says that the callback refused.
/// </summary>
internal sealed class SyslogServerCertificateCheck
{
    private readonly bool _skip;
    private readonly IReadOnlyList<SyslogCertificatePin> _pins;
    private readonly X509Certificate2Collection? _trusted;

    public SyslogServerCertificateCheck(SyslogSenderOptions options)
    {
        _skip = options.SkipCertificateCheck;
        _pins = (options.CertificatePins ?? Array.Empty<string>()).Select(SyslogCertificatePin.Parse).ToList();
        _trusted = options.TrustedCertificates is { Count: > 0 } trusted ? trusted : null;
    }

    /// <summary>Why the last certificate was refused; null when it was accepted.</summary>
    public string? Refusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Refusal = null;
        if (_skip)
        {
            return true;
        }

        if (certificate is null)
        {
            return Refuse("the collector presented no certificate");
        }

        using var presented = new X509Certificate2(certificate);
        if (_pins.Count > 0)
        {
            return _pins.Any(pin => pin.Matches(presented))
                || Refuse($"its certificate ({presented.Subject}, {SyslogCertificatePin.SpkiPinOf(presented)}) matches none of the pins");
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return Refuse($"its certificate ({presented.Subject}) is not issued to the name connected to");
        }

        if (_trusted is not null && ChainsToTrustedCa(presented, chain))
        {
            return true;
        }

        return Refuse(_trusted is null
            ? $"its certificate ({presented.Subject}, issued by {presented.Issuer}) is not trusted by this system"
            : $"its certificate ({presented.Subject}, issued by {presented.Issuer}) does not chain to a trusted CA or to one of the CA certificates given");
    }

    private bool ChainsToTrustedCa(X509Certificate2 certificate, X509Chain? presentedChain)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.ExtraStore.AddRange(_trusted!);
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        chain.Build(certificate);

        // An unknown root is allowed by the flag above only so that the chain can end in a CA given here; any
        // other problem (expired, bad signature, wrong usage) still refuses.
        var acceptable = chain.ChainStatus.All(status => status.Status is X509ChainStatusFlags.NoError
            or X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain);
        var anchored = chain.ChainElements.Cast<X509ChainElement>()
            .Any(element => _trusted!.Cast<X509Certificate2>().Any(ca => ca.RawData.SequenceEqual(element.Certificate.RawData)));
        return acceptable && anchored;
    }

    private bool Refuse(string reason)
    {
        Refusal = reason;
        return false;
    }
}
