namespace MdeSiem.Simulator.Hunting;

/// <summary>How the simulated hunting service behaves where the documentation leaves a choice (see <see cref="SimulatorOptions"/>).</summary>
internal sealed record HuntingSettings(int RowLimit, bool PascalCaseSchema, bool EndInclusive);
