using System.Text.Json.Serialization;

namespace MdeSiem.Simulator.Identity;

[JsonSerializable(typeof(ClientInfo))]
internal sealed partial class ClientInfoContext : JsonSerializerContext;
