using System.Collections.Generic;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// Files seen in detections. Paths are Windows paths, so every one needs its backslashes escaped in JSON; some hold
/// spaces, a UNC share and non-ASCII letters.
/// </summary>
internal static class FileCatalog
{
    private static readonly (string Name, string Path)[] Files =
    [
        ("powershell.exe", @"C:\Windows\System32\WindowsPowerShell\v1.0"),
        ("mimikatz.exe", @"C:\Users\alice\Downloads"),
        ("cmdParent.exe", @"C:\WINDOWS\SysWOW64\boo3\qwerty"),
        ("invoice 2024.pdf.exe", @"C:\Users\Public\Documents"),
        ("rundll32.exe", @"C:\Windows\System32"),
        ("wannacry.exe", @"\\fileserver01\share\tmp"),
        ("setup.msi", @"C:\Program Files (x86)\Vendor Tools"),
        ("notes_jürgen.docm", @"C:\Users\jürgen.müller\Documents"),
        ("upd.exe", @"C:\Users\Public"),
        ("lsass.dmp", @"C:\Temp"),
    ];

    public static IReadOnlyList<SampleFile> Create(int seed)
    {
        var files = new SampleFile[Files.Length];
        for (int i = 0; i < files.Length; i++)
        {
            ulong hash = DeterministicHash.Of(seed, i, HashPurpose.Catalog);
            files[i] = new SampleFile(
                Files[i].Name,
                Files[i].Path,
                Sha1: Hex.FromHash(hash, 40, upperCase: false),
                Md5: Hex.FromHash(DeterministicHash.Mix(hash + 1), 32, upperCase: false),
                Sha256: Hex.FromHash(DeterministicHash.Mix(hash + 2), 64, upperCase: false));
        }

        return files;
    }
}
