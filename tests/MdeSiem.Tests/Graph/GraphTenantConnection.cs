using System;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Http;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;

namespace MdeSiem.Tests.Graph;

/// <summary>A core connection to a simulated tenant, with short retry waits so fault tests stay quick.</summary>
internal static class GraphTenantConnection
{
    public static Task<MdeSiemConnection> ConnectAsync(SimulatedTenant tenant, bool unmanaged = false, int maxRetries = 5, RetrySettings? retry = null) =>
        MdeSiemConnection.ConnectAsync(
            new ConnectionSettings
            {
                TenantId = unmanaged ? tenant.UnmanagedTenantId : tenant.TenantId,
                ClientId = unmanaged ? tenant.UnmanagedClientId : tenant.ClientId,
                ClientSecret = HostedEngine.ToSecureString(unmanaged ? tenant.UnmanagedClientSecret : tenant.ClientSecret),
                EndpointUri = tenant.BaseUri,
                SkipCertificateCheck = true,
                Retry = retry ?? new RetrySettings { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2) },
            },
            default);
}
