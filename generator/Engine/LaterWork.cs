namespace SiteGen.Engine;

/// <summary>
/// Work left for after the site is shown (`serve`): <see cref="StandIns"/> are published now in
/// place of its result (the previous build's), and <see cref="Run"/> makes the documents that
/// replace them.
/// </summary>
public sealed record LaterWork(IReadOnlyList<Document> StandIns, Func<IReadOnlyList<Document>> Run);
