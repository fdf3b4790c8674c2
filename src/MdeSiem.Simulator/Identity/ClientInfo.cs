using System.Text.Json.Serialization;

namespace MdeSiem.Simulator.Identity;

/// <summary>Entra's client_info: the user's object id and home tenant, which MSAL uses as the account key.</summary>
internal sealed record ClientInfo(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("utid")] string Utid);
