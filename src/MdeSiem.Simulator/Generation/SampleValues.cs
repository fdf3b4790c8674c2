namespace MdeSiem.Simulator.Generation;

/// <summary>Evidence details picked per record: users, command lines, addresses and URLs.</summary>
internal static class SampleValues
{
    public static readonly (string UserName, string UserDomain)[] Users =
    [
        ("alice", "CONTOSO"),
        ("bob.smith", "CONTOSO"),
        ("jürgen.müller", "FABRIKAM"),
        ("José Ñúñez", "FABRIKAM"),
        ("svc_backup", "CONTOSO"),
        ("SYSTEM", "NT AUTHORITY"),
    ];

    // Quotes, backslashes, a pipe and an equals sign: the characters that break naive CSV and JSON handling.
    public static readonly string[] CommandLines =
    [
        "powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=",
        "cmd.exe /c \"whoami /all | findstr /i admin\" > C:\\Temp\\out.txt",
        "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Temp\\lsass.dmp full",
        "reg.exe add \"HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\" /v Updater /d \"C:\\Users\\Public\\upd.exe\" /f",
        "wmic /node:\"10.0.0.5\" process call create \"cmd.exe /c set X=1 | more\"",
    ];

    public static readonly string[] RemoteAddresses = ["203.0.113.7", "198.51.100.23", "2001:db8::17", "192.0.2.200"];

    public static readonly string[] Urls =
    [
        "http://203.0.113.7:8080/gate.php",
        "https://login-micros0ft.example/auth?session=a1b2&redirect=%2Fhome",
        "https://cdn.fabrikam.example/files/invoice 2024.pdf.exe",
        "http://198.51.100.23/x?q=\"payload\"",
    ];

    public static readonly string[] RemediationActions = ["quarantine", "remove", "clean", "block", ""];
}
