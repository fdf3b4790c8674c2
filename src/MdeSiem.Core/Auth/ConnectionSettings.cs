using System;
using System.Security;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Auth;

/// <summary>What a user gives to connect with a client secret.</summary>
public sealed class ConnectionSettings
{
    public string TenantId { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public SecureString? ClientSecret { get; set; }

    public SiemRegion Region { get; set; } = SiemRegion.US;

    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    /// <summary>Serve every endpoint from this base URI instead of the cloud's hosts.</summary>
    public Uri? EndpointUri { get; set; }

    /// <summary>Accept an untrusted certificate; allowed only when <see cref="EndpointUri"/> is loopback.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>How throttling and service failures are retried.</summary>
    public RetrySettings Retry { get; set; } = new();
}
