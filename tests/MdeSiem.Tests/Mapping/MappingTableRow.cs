using System.Collections.Generic;

namespace MdeSiem.Tests.Mapping;

/// <summary>One row of the docs' mapping table, as written.</summary>
internal sealed record MappingTableRow(string SiemField, bool IsMapped, string GraphTarget)
{
    /// <summary>
    /// The Graph paths the row names, first the main one, then an "(or ...)" alternative. "Included in X" names X;
    /// "Use sha1 or sha256" names both file hashes; remarks in parentheses and the "[]" list marks are dropped.
    /// </summary>
    public IReadOnlyList<string[]> Paths
    {
        get
        {
            string text = GraphTarget.Trim();
            if (text.StartsWith("Use ", System.StringComparison.Ordinal))
            {
                var paths = new List<string[]>();
                foreach (var hash in text.Substring(4).Split(new[] { " or " }, System.StringSplitOptions.None))
                {
                    paths.Add(Segments("evidence/fileEvidence/fileDetails: " + hash));
                }

                return paths;
            }

            if (text.StartsWith("Included in ", System.StringComparison.Ordinal))
            {
                text = text.Substring("Included in ".Length);
            }

            var result = new List<string[]>();
            int open = text.IndexOf(" (", System.StringComparison.Ordinal);
            string main = open < 0 ? text : text.Substring(0, open);
            result.Add(Segments(main));
            if (open >= 0)
            {
                string remark = text.Substring(open + 2).TrimEnd(')');
                if (remark.StartsWith("or ", System.StringComparison.Ordinal))
                {
                    result.Add(Segments(remark.Substring(3)));
                }
            }

            return result;
        }
    }

    /// <summary>True for "Included in": the SIEM value is part of the Graph value, not all of it.</summary>
    public bool IsPartOfTarget => GraphTarget.Trim().StartsWith("Included in ", System.StringComparison.Ordinal);

    private static string[] Segments(string path) =>
        path.Replace("[]", string.Empty).Replace(":", "/").Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries)
            is var pieces ? System.Array.ConvertAll(pieces, piece => piece.Trim()) : System.Array.Empty<string>();
}
