namespace MdeSiem.Simulator.Identity;

/// <summary>The verdict on a request's bearer token, with a message fit for the error response.</summary>
internal readonly record struct TokenCheck(TokenOutcome Outcome, string Message)
{
    public static TokenCheck Valid { get; } = new(TokenOutcome.Valid, "");
}
