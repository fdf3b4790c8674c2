using System;

namespace MdeSiem.Tests.Graph;

/// <summary>What a Graph alert should say, worked out from the SIEM records of its AlertId by the mapping table.</summary>
internal sealed record ExpectedGraphAlert(string Id, string Title, string Severity, string DetectionSource, DateTime CreatedDateTime, DateTime LastActivityDateTime, string? DeviceDnsName);
