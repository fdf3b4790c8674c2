namespace MdeSiem.Core.Migration;

/// <summary>How a kind of source file writes comments, so that a name mentioned only in a comment is not a finding.</summary>
public enum CommentStyle
{
    /// <summary>No comments known (plain text, unknown kinds): everything counts.</summary>
    None,

    /// <summary># to the end of the line, outside quotes, at a line start or after white space (shell, YAML, TOML).</summary>
    Hash,

    /// <summary>As Hash, and a triple-quoted string that opens a line is a docstring (Python).</summary>
    Python,

    /// <summary>// to the end of the line and /* ... */, outside string literals (C#, Java, JavaScript, Go, JSONC).</summary>
    CLike,

    /// <summary>&lt;!-- ... --&gt; (XML, .config, project files).</summary>
    Xml,

    /// <summary>A line whose first non-blank characters are #, // or ; (HTTP request files, INI).</summary>
    WholeLine,
}
