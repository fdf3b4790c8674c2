namespace MdeSiem.Core.Migration;

/// <summary>One alert whose SIEM value, mapped, differs from what Graph returns for it.</summary>
public sealed class MigrationValueExample
{
    public MigrationValueExample(string alertId, string? siemValue, string? graphValue)
    {
        AlertId = alertId;
        SiemValue = siemValue;
        GraphValue = graphValue;
    }

    public string AlertId { get; }

    /// <summary>The SIEM records' value after mapping, as the Graph property would read.</summary>
    public string? SiemValue { get; }

    public string? GraphValue { get; }

    public override string ToString() => $"{AlertId}: '{SiemValue}' -> '{GraphValue}'";
}
