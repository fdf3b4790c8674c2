namespace MdeSiem.Core.Hunting;

/// <summary>How a column's values are read, from the type name its schema entry gives.</summary>
public enum HuntingValueKind
{
    String,
    DateTime,
    Int64,
    Int32,
    Boolean,
    Double,
    Guid,
    TimeSpan,

    /// <summary>Kusto's dynamic (JSON text or nested JSON): parsed into objects and arrays.</summary>
    Dynamic,
}
