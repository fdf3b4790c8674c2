using System;

namespace MdeSiem.Simulator.Graph;

/// <summary>An alert comment (microsoft.graph.security.alertComment).</summary>
public sealed record GraphCommentRecord(string Comment, string CreatedByDisplayName, DateTime CreatedDateTime);
