namespace SiteGen.Engine;

/// <summary>
/// A link or image written in a page, as published (<see cref="Url"/>) and where it was written,
/// so later checks can point at the Markdown line instead of the HTML.
/// </summary>
public sealed record SourceLink(string Url, int Line, int Column, bool IsImage, bool AlreadyReported = false);
