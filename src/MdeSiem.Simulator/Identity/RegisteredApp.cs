namespace MdeSiem.Simulator.Identity;

/// <summary>An application registration allowed to use the client-credentials flow in one tenant.</summary>
internal sealed record RegisteredApp(string TenantId, string ClientId, string ClientSecret, string ServicePrincipalId)
{
    /// <summary>Kept out of logs and exception messages: the generated ToString would print the secret.</summary>
    public override string ToString() => $"RegisteredApp {{ TenantId = {TenantId}, ClientId = {ClientId} }}";
}
