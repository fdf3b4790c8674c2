using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// What an alert is about (microsoft.graph.security.alertEvidence). The concrete class follows the element's
/// @odata.type; a type this version does not know becomes <see cref="GenericEvidence"/> with its raw JSON.
/// </summary>
public abstract class AlertEvidence : GraphObject
{
    /// <summary>The wire type, e.g. #microsoft.graph.security.deviceEvidence.</summary>
    public string? OdataType { get; set; }

    public DateTime? CreatedDateTime { get; set; }

    public string? VerdictValue { get; set; }

    public EvidenceVerdict? Verdict { get => GraphEnum.Parse<EvidenceVerdict>(VerdictValue); set => VerdictValue = GraphEnum.ToWire(value); }

    public string? RemediationStatusValue { get; set; }

    public EvidenceRemediationStatus? RemediationStatus { get => GraphEnum.Parse<EvidenceRemediationStatus>(RemediationStatusValue); set => RemediationStatusValue = GraphEnum.ToWire(value); }

    public string? RemediationStatusDetails { get; set; }

    public List<string> Roles { get; set; } = new();

    public List<string> DetailedRoles { get; set; } = new();

    public List<string> Tags { get; set; } = new();

    /// <summary>The short type name, e.g. deviceEvidence.</summary>
    public string? Kind => OdataType is null ? null : OdataType.Substring(OdataType.LastIndexOf('.') + 1);

    /// <summary>
    /// What this evidence names, for a reader: a file's name, a device's DNS name, an address, an account. Computed
    /// (like <see cref="Kind"/>), not a field of the service. PowerShell shows an object by its Name when it lists
    /// it inside another (an alert's Evidence), where it would otherwise pick the first *Id property (a file's
    /// device id).
    /// </summary>
    public string? Name => Identity;

    /// <summary>The value <see cref="Name"/> returns; each evidence type that has a naming field says which.</summary>
    protected virtual string? Identity => null;

    /// <summary>"fileEvidence: invoice.exe": the evidence table's first column.</summary>
    public override string ToString() => Identity is { Length: > 0 } identity ? $"{Kind}: {identity}" : Kind ?? GetType().Name;
}
