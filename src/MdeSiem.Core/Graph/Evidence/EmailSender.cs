namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.emailSender, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class EmailSender : GraphObject
{
    public string? DisplayName { get; set; }

    public string? DomainName { get; set; }

    public string? EmailAddress { get; set; }
}
