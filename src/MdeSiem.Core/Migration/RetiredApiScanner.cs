using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MdeSiem.Core.Migration;

/// <summary>
/// Finds the calls of retiring surfaces in files: PowerShell scripts through the parser the caller supplies (the core
/// has no PowerShell), every other text file by pattern with its comments blanked out.
/// </summary>
public sealed class RetiredApiScanner
{
    /// <summary>Scripts read with the PowerShell parser instead of patterns.</summary>
    public static readonly IReadOnlyCollection<string> PowerShellExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".ps1", ".psm1", ".psd1" };

    // The kinds of file a folder scan reads (a file named on its own is read whatever its kind): code and configuration.
    private static readonly Dictionary<string, CommentStyle> TextKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = CommentStyle.Python,
        [".sh"] = CommentStyle.Hash, [".bash"] = CommentStyle.Hash, [".zsh"] = CommentStyle.Hash,
        [".yml"] = CommentStyle.Hash, [".yaml"] = CommentStyle.Hash, [".toml"] = CommentStyle.Hash,
        [".rb"] = CommentStyle.Hash, [".pl"] = CommentStyle.Hash, [".conf"] = CommentStyle.Hash, [".tf"] = CommentStyle.Hash,
        [".cs"] = CommentStyle.CLike, [".csx"] = CommentStyle.CLike, [".java"] = CommentStyle.CLike, [".kt"] = CommentStyle.CLike,
        [".js"] = CommentStyle.CLike, [".mjs"] = CommentStyle.CLike, [".ts"] = CommentStyle.CLike, [".go"] = CommentStyle.CLike,
        [".json"] = CommentStyle.CLike, [".jsonc"] = CommentStyle.CLike, [".bicep"] = CommentStyle.CLike,
        [".xml"] = CommentStyle.Xml, [".config"] = CommentStyle.Xml, [".csproj"] = CommentStyle.Xml,
        [".http"] = CommentStyle.WholeLine, [".rest"] = CommentStyle.WholeLine, [".ini"] = CommentStyle.WholeLine,
        [".txt"] = CommentStyle.None, [".cmd"] = CommentStyle.None, [".bat"] = CommentStyle.None,
    };

    // Folders of build output, dependencies and version control: nothing there is the user's script.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj", ".venv", "__pycache__" };

    private readonly Func<string, string, IEnumerable<RetiredApiFinding>> _powerShellScanner;

    /// <param name="powerShellScanner">Reads one PowerShell script (path, text) with the PowerShell parser.</param>
    public RetiredApiScanner(Func<string, string, IEnumerable<RetiredApiFinding>> powerShellScanner)
    {
        _powerShellScanner = powerShellScanner ?? throw new ArgumentNullException(nameof(powerShellScanner));
    }

    /// <summary>The files a folder scan reads, in path order: scripts, code and configuration, recursively.</summary>
    public static IEnumerable<string> FilesUnder(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.GetFiles(current).OrderBy(f => f, StringComparer.Ordinal))
            {
                var extension = Path.GetExtension(file);
                if (PowerShellExtensions.Contains(extension) || TextKinds.ContainsKey(extension))
                {
                    yield return file;
                }
            }

            foreach (var child in Directory.GetDirectories(current).OrderByDescending(d => d, StringComparer.Ordinal))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>The findings of one file, in line order; a binary file has none.</summary>
    public IReadOnlyList<RetiredApiFinding> ScanFile(string path)
    {
        var text = File.ReadAllText(path);
        if (text.IndexOf('\0') >= 0)
        {
            return Array.Empty<RetiredApiFinding>();
        }

        var findings = PowerShellExtensions.Contains(Path.GetExtension(path))
            ? _powerShellScanner(path, text)
            : ScanText(path, text, StyleOf(path));
        return findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
    }

    /// <summary>The comment syntax of a file by its extension; unknown kinds have none.</summary>
    public static CommentStyle StyleOf(string path) =>
        TextKinds.TryGetValue(Path.GetExtension(path), out var style) ? style : CommentStyle.None;

    /// <summary>Every surface named outside comments, at its line and column.</summary>
    public static IEnumerable<RetiredApiFinding> ScanText(string path, string text, CommentStyle style)
    {
        var code = CommentBlanker.Blank(text, style);
        var lines = new TextPositions(code);
        foreach (var match in RetiredApiPatterns.Find(code))
        {
            var (line, column) = lines.Of(match.Index);
            yield return new RetiredApiFinding(path, line, column, match.Text, match.Surface);
        }
    }
}
