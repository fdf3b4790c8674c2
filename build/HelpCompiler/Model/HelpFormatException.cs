using System;

namespace MdeSiem.HelpCompiler.Model;

/// <summary>A help file that does not follow the platyPS schema; the message names the file and what is wrong.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException()
    {
    }

    public HelpFormatException(string message)
        : base(message)
    {
    }

    public HelpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
