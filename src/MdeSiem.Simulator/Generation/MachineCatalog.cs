using System.Collections.Generic;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// The devices of one generated tenant, fixed by the seed. Groups and tags cover what the filters need: several
/// groups plus "no group", a group whose name must be URL-escaped, single registry tags and comma-separated cloud tags.
/// </summary>
internal static class MachineCatalog
{
    private const int MachineCount = 24;

    private static readonly string[] NamePrefixes = ["desktop", "laptop", "srv", "wks", "kiosk"];

    // "" is the service's value for a device in no group; "R&D Machines" checks that clients escape query values.
    private static readonly string[] Groups = ["UKMachines", "FranceMachines", "USMachines", "", "R&D Machines"];

    private static readonly string[] DomainsByGroup = ["contoso.co.uk", "fabrikam.fr", "contoso.com", "", "research.contoso.com"];

    private static readonly string[] DeviceTags = ["", "", "Finance", "Kiosk", "VIP"];

    private static readonly string[] CloudTags = ["", "Tier0", "Tier0,Servers", "Pilot,EU", "Servers", ""];

    private static readonly string[] LogOnUserSets =
    [
        "",
        "CONTOSO\\alice",
        "CONTOSO\\alice,CONTOSO\\bob.smith",
        "FABRIKAM\\jürgen.müller",
        "FABRIKAM\\José Ñúñez,NT AUTHORITY\\SYSTEM",
    ];

    public static IReadOnlyList<SimulatedMachine> Create(int seed)
    {
        var machines = new SimulatedMachine[MachineCount];
        for (int i = 0; i < machines.Length; i++)
        {
            machines[i] = CreateMachine(seed, i);
        }

        return machines;
    }

    private static SimulatedMachine CreateMachine(int seed, int number)
    {
        ulong hash = DeterministicHash.Of(seed, number, HashPurpose.Machine);
        string name = $"{DeterministicHash.Pick(hash, NamePrefixes)}-{Hex.FromHash(hash >> 8, 6, upperCase: false)}";
        int group = DeterministicHash.Below(hash >> 16, Groups.Length);
        string domain = DomainsByGroup[group];

        // A workgroup machine has no domain, and its DNS name is its bare name.
        string dnsName = domain.Length == 0 ? name : $"{name}.{domain}";
        ulong network = DeterministicHash.Mix(hash);
        string ipv4 = $"10.{(network >> 8) & 0xFF}.{(network >> 16) & 0xFF}.{1 + ((network >> 24) % 254)}";
        if ((network & 1) == 0)
        {
            ipv4 += $",192.168.56.{1 + ((network >> 32) % 254)}";
        }

        string ipv6 = (network & 2) == 0 ? "" : $"fe80::{(network >> 40) & 0xFFFF:x}:{(network >> 24) & 0xFFFF:x}";
        return new SimulatedMachine(
            MachineName: name,
            ComputerDnsName: dnsName,
            MachineDomain: domain,
            DeviceId: Hex.FromHash(DeterministicHash.Mix(network), 40, upperCase: false),
            MachineGroup: Groups[group],
            DeviceCreatedMachineTags: DeterministicHash.Pick(hash >> 24, DeviceTags),
            CloudCreatedMachineTags: DeterministicHash.Pick(hash >> 32, CloudTags),
            InternalIPv4List: ipv4,
            InternalIPv6List: ipv6,
            LogOnUsers: DeterministicHash.Pick(hash >> 40, LogOnUserSets));
    }
}
