using System.IO;
using System.Text.Json;

namespace MdeSiem.Simulator.CommandLine;

/// <summary>
/// Tells the caller how to reach the started tenant: one compact JSON line for scripts (--json), or readable lines.
/// Printing the secrets is the point: the program's user is the test or demo that needs them.
/// </summary>
internal static class StartupReport
{
    public static void Write(TextWriter output, SimulatedTenant tenant, string? alertsFile, bool json)
    {
        if (json)
        {
            output.WriteLine(ToJson(tenant, alertsFile));
            return;
        }

        output.WriteLine($"Simulated tenant listening on {tenant.BaseUri}");
        output.WriteLine($"  Authority (v1 token)   {tenant.BaseUri}{tenant.TenantId}/oauth2/token");
        output.WriteLine($"  SIEM API               {tenant.BaseUri}api/alerts");
        output.WriteLine($"  Tenant id              {tenant.TenantId}");
        output.WriteLine($"  Client id              {tenant.ClientId}");
        output.WriteLine($"  Client secret          {tenant.ClientSecret}");
        output.WriteLine($"  Unmanaged tenant id    {tenant.UnmanagedTenantId}");
        output.WriteLine($"  Unmanaged client id    {tenant.UnmanagedClientId}");
        output.WriteLine($"  Unmanaged secret       {tenant.UnmanagedClientSecret}");
        output.WriteLine($"  Records                {tenant.Generator.Count}");
        if (alertsFile is not null)
        {
            output.WriteLine($"  Alerts file            {alertsFile}");
        }

        output.WriteLine("Press Ctrl+C to stop.");
    }

    private static string ToJson(SimulatedTenant tenant, string? alertsFile)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("baseUri", tenant.BaseUri.ToString());
            writer.WriteString("tenantId", tenant.TenantId);
            writer.WriteString("clientId", tenant.ClientId);
            writer.WriteString("clientSecret", tenant.ClientSecret);
            writer.WriteString("unmanagedTenantId", tenant.UnmanagedTenantId);
            writer.WriteString("unmanagedClientId", tenant.UnmanagedClientId);
            writer.WriteString("unmanagedClientSecret", tenant.UnmanagedClientSecret);
            writer.WriteString("managedIdentityEndpoint", tenant.ManagedIdentityEndpoint.ToString());
            writer.WriteString("managedIdentityHeader", tenant.ManagedIdentityHeader);
            writer.WriteNumber("alertCount", tenant.Generator.Count);
            writer.WriteString("alertsFile", alertsFile);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
