using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MdeSiem.HelpCompiler.About;
using MdeSiem.HelpCompiler.Maml;
using MdeSiem.HelpCompiler.Markdown;
using MdeSiem.HelpCompiler.Model;

namespace MdeSiem.HelpCompiler;

/// <summary>
/// Compiles every help file of a docs folder: cmdlet docs (those whose front matter names an "external help
/// file") grouped into one MAML file per name, and about_*.md topics into about_*.help.txt. Other markdown (design
/// notes, mapping tables) is left alone. Discovers the files, so new cmdlets need no change here.
/// </summary>
internal static class HelpBuild
{
    public static IReadOnlyList<string> Run(string docsDirectory, string outputDirectory, TextWriter warnings)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        var commands = new List<CommandHelp>();
        foreach (var path in Directory.EnumerateFiles(docsDirectory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var document = MarkdownReader.Parse(File.ReadAllText(path));
            if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                var target = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(name) + ".help.txt");
                WriteIfChanged(target, AboutTopicWriter.Write(document, name));
                written.Add(target);
            }
            else if (document.FrontMatter.ContainsKey("external help file"))
            {
                var help = CommandHelpReader.Read(document, name);
                foreach (var problem in help.Problems)
                {
                    // MSBuild's canonical format: shown as a warning in the build output.
                    warnings.WriteLine("warning HELP002: " + problem);
                }

                commands.Add(help);
            }
        }

        foreach (var group in commands.GroupBy(c => c.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
        {
            var duplicate = group.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new HelpFormatException($"Two docs describe {duplicate.Key}.");
            }

            var target = Path.Combine(outputDirectory, group.Key);
            var maml = MamlWriter.Write(group);
            WriteIfChanged(target, maml.Declaration + "\n" + maml.Root + "\n");
            written.Add(target);
        }

        return written;
    }

    /// <summary>Leaves an unchanged file alone so incremental builds and a loaded module's open files are undisturbed.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
