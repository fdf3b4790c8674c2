using System;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>Points MSAL's confidential and public client builders at a cloud's authority or a custom host.</summary>
internal static class MsalAuthority
{
    public static string For(ServiceEndpoints endpoints, string tenantId) =>
        new Uri(endpoints.AuthorityHost, Uri.EscapeDataString(tenantId)).AbsoluteUri;

    /// <summary>The ".default" scope that asks for every permission granted to the app on a resource.</summary>
    public static string[] DefaultScopes(string resource) => new[] { resource.TrimEnd('/') + "/.default" };

    public static T Configure<T>(AbstractApplicationBuilder<T> builder, ServiceEndpoints endpoints, string tenantId)
        where T : AbstractApplicationBuilder<T>
    {
        builder = builder.WithAuthority(For(endpoints, tenantId), validateAuthority: !endpoints.IsCustom);
        if (endpoints.IsCustom)
        {
            // A custom host is not in Microsoft's instance metadata; asking for it would leave the machine.
            builder = builder.WithInstanceDiscovery(false);
        }

        return (T)builder;
    }
}
