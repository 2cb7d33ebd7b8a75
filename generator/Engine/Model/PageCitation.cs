namespace SiteGen.Engine;

/// <summary>A work a page cites: its number on the page and the id of every marker that cites it.</summary>
public sealed record PageCitation(string Key, int Number, IReadOnlyList<string> MarkerIds);
