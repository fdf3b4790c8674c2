using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// What every Graph model keeps beside its typed properties: the properties the service sent that this version does
/// not model, by wire name (objects and arrays as raw JSON text), so that nothing the service sends is dropped.
/// </summary>
public abstract class GraphObject
{
    /// <summary>Properties the service sent that this version does not model, by wire name (objects as raw JSON).</summary>
    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();
}
