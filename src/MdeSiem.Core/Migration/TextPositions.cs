using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Migration;

/// <summary>Turns an offset in a text into the 1-based line and column an editor shows.</summary>
public sealed class TextPositions
{
    private readonly List<int> _lineStarts = new() { 0 };

    public TextPositions(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Of(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}
