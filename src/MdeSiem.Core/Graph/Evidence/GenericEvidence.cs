namespace MdeSiem.Core.Graph;

/// <summary>Evidence of a type this version does not model: its properties (in AdditionalProperties) and raw JSON are kept, never dropped.</summary>
public sealed class GenericEvidence : AlertEvidence
{
    public string? RawJson { get; set; }
}
