using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MdeSiem.HelpCompiler.Markdown;

namespace MdeSiem.HelpCompiler.Model;

/// <summary>
/// Reads one cmdlet's markdown in the platyPS schema (2.0.0): front matter, "# Verb-Noun", then the "## SYNOPSIS",
/// "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## NOTES" and
/// "## RELATED LINKS" sections. A file without a "# Verb-Noun" title is a <see cref="HelpFormatException"/>; anything
/// else the schema requires and the file lacks is listed in <see cref="CommandHelp.Problems"/>, which the build reports
/// as warnings naming the file: a doc another branch wrote imperfectly still ships its help, and tests/Help.Tests.ps1
/// fails on what is missing.
/// </summary>
internal static class CommandHelpReader
{
    private static readonly Regex LinkPattern = new(@"\[(?<text>[^\]]*)\]\((?<uri>[^)]*)\)", RegexOptions.CultureInvariant);

    public static CommandHelp Read(MarkdownDocument document, string sourceName)
    {
        var help = new CommandHelp
        {
            ExternalHelpFile = document.FrontMatter.TryGetValue("external help file", out var file) ? file : string.Empty,
            OnlineVersion = document.FrontMatter.TryGetValue("online version", out var online) && online.Length > 0 ? online : null,
        };

        var section = string.Empty;
        var subsection = string.Empty;
        foreach (var block in document.Blocks)
        {
            if (block.Kind == MarkdownBlockKind.Heading)
            {
                switch (block.Level)
                {
                    case 1:
                        help.Name = block.Text;
                        break;
                    case 2:
                        section = block.Text.ToUpperInvariant();
                        subsection = string.Empty;
                        break;
                    default:
                        subsection = block.Text;
                        StartSubsection(help, section, block.Text);
                        break;
                }

                continue;
            }

            AddContent(help, section, subsection, block, sourceName);
        }

        Validate(help, sourceName);
        return help;
    }

    private static void StartSubsection(CommandHelp help, string section, string title)
    {
        switch (section)
        {
            case "SYNTAX":
                // "### ClientSecret (Default)" names a parameter set.
                help.ParameterSets.Add(title.Replace("(Default)", string.Empty, StringComparison.Ordinal).Trim());
                break;
            case "EXAMPLES":
                help.Examples.Add(new ExampleHelp { Title = title });
                break;
            case "PARAMETERS" when title.StartsWith('-'):
                help.Parameters.Add(new ParameterHelp { Name = title.Substring(1).Trim() });
                break;
            case "INPUTS":
                help.Inputs.Add(new TypeHelp { TypeName = title });
                break;
            case "OUTPUTS":
                help.Outputs.Add(new TypeHelp { TypeName = title });
                break;
        }
    }

    private static void AddContent(CommandHelp help, string section, string subsection, MarkdownBlock block, string sourceName)
    {
        var isCode = block.Kind == MarkdownBlockKind.Code;
        switch (section)
        {
            case "SYNOPSIS" when !isCode:
                help.Synopsis = help.Synopsis.Length == 0 ? block.Text : help.Synopsis + " " + block.Text;
                break;
            case "DESCRIPTION":
                help.Description.Add(block.Text);
                break;
            case "EXAMPLES" when help.Examples.Count > 0:
                var example = help.Examples[^1];
                (isCode ? example.Code : example.Remarks).Add(block.Text);
                break;
            case "PARAMETERS" when subsection.StartsWith('-') && help.Parameters.Count > 0:
                var parameter = help.Parameters[^1];
                if (isCode && block.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase))
                {
                    ApplyYaml(parameter, block.Text, sourceName);
                }
                else
                {
                    parameter.Description.Add(block.Text);
                }

                break;
            case "INPUTS" when help.Inputs.Count > 0:
                help.Inputs[^1].Description.Add(block.Text);
                break;
            case "OUTPUTS" when help.Outputs.Count > 0:
                help.Outputs[^1].Description.Add(block.Text);
                break;
            case "NOTES":
                help.Notes.Add(block.Text);
                break;
            case "RELATED LINKS" when !isCode:
                help.RelatedLinks.AddRange(ReadLinks(block.Text));
                break;
        }
    }

    private static IEnumerable<RelatedLink> ReadLinks(string paragraph)
    {
        // A paragraph joins consecutive lines, so one paragraph may hold several "[text](uri)" links.
        var matches = LinkPattern.Matches(paragraph);
        if (matches.Count == 0)
        {
            return new[] { new RelatedLink(paragraph.Trim(), string.Empty) };
        }

        return matches.Select(m => new RelatedLink(m.Groups["text"].Value, m.Groups["uri"].Value)).ToList();
    }

    private static void ApplyYaml(ParameterHelp parameter, string yaml, string sourceName)
    {
        foreach (var line in yaml.Split('\n'))
        {
            var separator = line.IndexOf(':', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var key = line.Substring(0, separator).Trim();
            var value = line.Substring(separator + 1).Trim();
            switch (key.ToUpperInvariant())
            {
                case "TYPE":
                    parameter.Type = value;
                    break;
                case "PARAMETER SETS":
                    parameter.ParameterSets.AddRange(value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0));
                    break;
                case "ALIASES":
                    parameter.Aliases = value;
                    break;
                case "REQUIRED":
                    parameter.Required = ReadBool(value, key, parameter, sourceName);
                    break;
                case "POSITION":
                    parameter.Position = value;
                    break;
                case "DEFAULT VALUE":
                    parameter.DefaultValue = value;
                    break;
                case "ACCEPT PIPELINE INPUT":
                    parameter.PipelineInput = value;
                    break;
                case "ACCEPT WILDCARD CHARACTERS":
                    parameter.Globbing = ReadBool(value, key, parameter, sourceName);
                    break;
            }
        }
    }

    private static bool ReadBool(string value, string key, ParameterHelp parameter, string sourceName)
    {
        if (bool.TryParse(value, out var result))
        {
            return result;
        }

        // A per-set answer, e.g. "True (ClientSecret, Certificate); False (ManagedIdentity)": MAML has one flag,
        // so the parameter counts as required when some set requires it.
        var perSet = value.Split(';');
        if (perSet.Length > 1 && System.Array.TrueForAll(perSet, part => part.Trim().StartsWith("True (", System.StringComparison.Ordinal) || part.Trim().StartsWith("False (", System.StringComparison.Ordinal)))
        {
            return System.Array.Exists(perSet, part => part.Trim().StartsWith("True", System.StringComparison.Ordinal));
        }

        throw new HelpFormatException($"{sourceName}: -{parameter.Name}: '{key}' must be True or False, not '{value}'.");
    }

    private static void Validate(CommandHelp help, string sourceName)
    {
        var problems = new List<string>();
        if (help.Name.Length == 0)
        {
            problems.Add("no '# Verb-Noun' title");
        }

        if (help.Synopsis.Length == 0)
        {
            problems.Add("an empty SYNOPSIS");
        }

        if (help.Description.Count == 0)
        {
            problems.Add("an empty DESCRIPTION");
        }

        if (help.Examples.Count == 0 || help.Examples.Any(e => e.Code.Count == 0))
        {
            problems.Add("no EXAMPLES, or an example without a code block");
        }

        problems.AddRange(help.Parameters.Where(p => p.Description.Count == 0).Select(p => $"no description for -{p.Name}"));
        if (help.Name.Length == 0)
        {
            throw new HelpFormatException($"{sourceName}: {string.Join("; ", problems)}.");
        }

        help.Problems.AddRange(problems.Select(p => $"{sourceName}: {p}."));

        if (help.ParameterSets.Count == 0)
        {
            help.ParameterSets.Add("(All)");
        }
    }
}
