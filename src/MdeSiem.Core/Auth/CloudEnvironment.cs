namespace MdeSiem.Core.Auth;

/// <summary>The Microsoft cloud a tenant lives in.</summary>
public enum CloudEnvironment
{
    Global,
    USGov,
    USGovHigh,
    USGovDoD,
    China,
}
