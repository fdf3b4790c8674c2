using System;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// One column of a hunting result: a singlePropertySchema entry {name, type}
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-singlepropertyschema). The type is the service's
/// name (DateTime, String, Int64, Boolean, Object, ...); <see cref="Kind"/> is how the module reads it.
/// </summary>
public sealed class HuntingColumn
{
    public HuntingColumn(string name, string? type)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? string.Empty;
        Kind = KindOf(Type);
    }

    public string Name { get; }

    public string Type { get; }

    public HuntingValueKind Kind { get; }

    public override string ToString() => Name + " (" + Type + ")";

    /// <summary>Kusto and .NET names of the scalar types; anything else (dynamic, Object, a new name) is dynamic.</summary>
    private static HuntingValueKind KindOf(string type) => type.ToLowerInvariant() switch
    {
        "string" => HuntingValueKind.String,
        "datetime" or "date" => HuntingValueKind.DateTime,
        "int64" or "long" => HuntingValueKind.Int64,
        "int32" or "int" => HuntingValueKind.Int32,
        "boolean" or "bool" or "sbyte" => HuntingValueKind.Boolean,
        "double" or "real" or "decimal" => HuntingValueKind.Double,
        "guid" => HuntingValueKind.Guid,
        "timespan" or "time" => HuntingValueKind.TimeSpan,
        _ => HuntingValueKind.Dynamic,
    };
}
