using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace MdeSiem.Simulator.Identity;

/// <summary>The certificates (public parts) uploaded to the managed app's registration, for client assertions.</summary>
internal sealed class CertificateRegistry
{
    private readonly object gate = new();
    private readonly List<X509Certificate2> certificates = [];

    public void Register(X509Certificate2 certificate)
    {
        // Keep only the public part, as Entra does: the test's private key stays with the test.
        var publicPart = X509CertificateLoader.LoadCertificate(certificate.RawData);
        lock (gate)
        {
            certificates.Add(publicPart);
        }
    }

    public IReadOnlyList<X509Certificate2> Snapshot()
    {
        lock (gate)
        {
            return certificates.ToArray();
        }
    }
}
