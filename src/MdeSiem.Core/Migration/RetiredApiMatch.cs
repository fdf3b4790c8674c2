namespace MdeSiem.Core.Migration;

/// <summary>Where in a text a retiring surface is named, and which.</summary>
public sealed class RetiredApiMatch
{
    public RetiredApiMatch(int index, int length, string text, RetiringSurface surface)
    {
        Index = index;
        Length = length;
        Text = text;
        Surface = surface;
    }

    public int Index { get; }

    public int Length { get; }

    public string Text { get; }

    public RetiringSurface Surface { get; }
}
