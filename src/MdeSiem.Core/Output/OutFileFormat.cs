namespace MdeSiem.Core.Output;

/// <summary>How -OutFile writes each record: one line per record in every format.</summary>
public enum OutFileFormat
{
    /// <summary>One compact JSON object per line (the module's object, as ConvertTo-MdeSiemJsonLine writes it).</summary>
    JsonLines,

    /// <summary>Comma-separated values with a header line once per file, quoted as Export-Csv quotes them.</summary>
    Csv,

    /// <summary>CEF:0 lines with the module's ArcSight field map (as ConvertTo-MdeSiemCef).</summary>
    Cef,

    /// <summary>LEEF 2.0 lines for QRadar (as ConvertTo-MdeSiemLeef).</summary>
    Leef,
}
