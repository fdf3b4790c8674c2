using System.Collections.Generic;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// The detections the simulated tenant raises, one per source the SIEM API reports. Titles and descriptions carry
/// quotes on purpose so that JSON escaping is exercised.
/// </summary>
internal static class AlertTemplates
{
    public static readonly IReadOnlyList<AlertTemplate> All =
    [
        new("EDR", "Execution", "Suspicious PowerShell command line",
            "A suspicious PowerShell activity was observed on the machine. This activity may be part of an attack.",
            ["Medium", "High"], FileNumber: 0)
        {
            IoaDefinitionId = "7f1c3609-a3ff-40e2-995b-c01770161d68",
        },
        new("EDR", "CredentialAccess", "Suspicious access to LSASS service",
            "A process accessed the memory of \"lsass.exe\"; attackers do this to steal credentials.",
            ["High"], FileNumber: 9)
        {
            IoaDefinitionId = "b20af1d2-5990-4672-87f1-acc2a8ff7725",
            Actor = "STRONTIUM",
        },
        new("EDR", "SuspiciousActivity", "Suspicious File Activity", "Test Alert",
            ["Informational", "Low", "High"], FileNumber: 2)
        {
            IoaDefinitionId = "2c3a0e5b-0b3f-4a5d-9a3c-2f6e4f1d8c11",
        },
        new("EDR", "Persistence", "Anomaly detected in ASEP registry",
            "A process registered a suspicious command or file in an auto-start registry key.",
            ["Low", "Medium"], FileNumber: 8)
        {
            IoaDefinitionId = "a7f2e3d1-57c9-4a44-9a0e-7c5be0e4e0c2",
        },
        new("Antivirus", "Malware", "'Mimikatz' hacktool was detected",
            "Readily available tools, such as hacking programs, can be used by unauthorized individuals to spy on users.",
            ["Medium", "High"], FileNumber: 1)
        {
            ThreatCategory = "HackTool",
            ThreatFamily = "Mimikatz",
            ThreatName = "HackTool:Win32/Mimikatz.D",
        },
        new("Antivirus", "Malware", "'Emotet' malware was prevented",
            "Malware and unwanted software are undesirable applications that perform annoying, disruptive, or harmful actions.",
            ["Informational", "Low", "Medium"], FileNumber: 3)
        {
            ThreatCategory = "Trojan",
            ThreatFamily = "Emotet",
            ThreatName = "Trojan:Win32/Emotet.A!ml",
        },
        new("Antivirus", "Ransomware", "'WannaCrypt' ransomware was detected",
            "Ransomware encrypts files and asks for payment (\"ransom\") to restore them.",
            ["High"], FileNumber: 5)
        {
            ThreatCategory = "Ransom",
            ThreatFamily = "WannaCrypt",
            ThreatName = "Ransom:Win32/WannaCrypt.A!rsm",
        },
        new("SmartScreen", "InitialAccess", "Suspicious URL clicked",
            "A user opened a link that Microsoft Defender SmartScreen flagged as malicious.",
            ["Low", "Medium"], FileNumber: 3),
        new("CustomTI", "SuspiciousActivity", "File hash indicator match",
            "A file matched a custom indicator of compromise defined by your organization.",
            ["Informational", "Medium"], FileNumber: 6)
        {
            IocName = "FileSha1",
        },
        new("CustomDetection", "CommandAndControl", "Custom detection: beacon to known C2 address",
            "A custom detection rule | Network events where RemoteIP = a known command-and-control address.",
            ["Medium"], FileNumber: 4),
    ];
}
