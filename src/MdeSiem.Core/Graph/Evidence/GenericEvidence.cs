namespace MdeSiem.Core.Graph;

/// <summary>Evidence of a type this version does not model: its properties (in AdditionalProperties) and raw JSON are kept, never dropped.</summary>
public sealed class GenericEvidence : AlertEvidence
{
    public string? RawJson { get; set; }

    /// <summary>A name the service sent, when it sent one under a usual key; the kind alone says the rest.</summary>
    protected override string? Identity =>
        (AdditionalProperties.TryGetValue("displayName", out var display) ? display : AdditionalProperties.TryGetValue("name", out var name) ? name : null) as string;
}
