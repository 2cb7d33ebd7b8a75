using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Gather: a small page at each old path of a renamed or moved page (front matter
/// 'redirect_from', site.yml 'redirects'), with a relative meta refresh, a canonical link and a
/// plain link, so the old address keeps working on every static host and from file://. A
/// redirect to nothing, one that would replace a page of the site, two from one path, and a
/// loop are errors at the line that says them (rule 'redirect'); a chain of redirects is
/// followed, so each old path leads straight to the page.
/// </summary>
public sealed class AddRedirectPages : IModule
{
    public const string Partial = "partials/redirect.liquid";

    private sealed record Wanted(NamedFile From, string To, string File);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var wanted = Requested(documents, context);
        if (wanted.Count == 0 || context.Templates is not { } templates) return documents;
        var existing = documents.Where(d => d.OutputPath.Length > 0).GroupBy(d => d.OutputPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var diagnostics = context.Diagnostics;

        var bySource = new Dictionary<string, Wanted>(StringComparer.Ordinal);
        foreach (var redirect in wanted)
        {
            if (existing.TryGetValue(redirect.From.Path, out var shadowed))
                diagnostics.Report(CheckRule.Redirect, redirect.File, redirect.From.Line, redirect.From.Column,
                    $"the redirect from '{redirect.From.Path}' would replace {(shadowed.SourcePath.Length > 0 ? shadowed.SourcePath : "the generated page")} at that path; remove the redirect, or rename the page.");
            else if (!bySource.TryAdd(redirect.From.Path, redirect))
                diagnostics.Report(CheckRule.Redirect, redirect.File, redirect.From.Line, redirect.From.Column,
                    $"'{redirect.From.Path}' already redirects to '{bySource[redirect.From.Path].To}' ({bySource[redirect.From.Path].File}:{bySource[redirect.From.Path].From.Line}); an old path can lead to one place only.");
        }

        var added = new List<Document>();
        var redirects = new List<(string, string)>();
        foreach (var redirect in bySource.Values.OrderBy(r => r.From.Path, StringComparer.Ordinal))
        {
            var (target, problem) = Follow(redirect, bySource, existing);
            if (target is null)
            {
                diagnostics.Report(CheckRule.Redirect, redirect.File, redirect.From.Line, redirect.From.Column, problem!);
                continue;
            }
            var external = UrlPaths.Scheme(target) is "http" or "https";
            var url = external ? target : UrlPaths.Relative(redirect.From.Path, target);
            var title = external ? target : existing[target].Title;
            var model = new RedirectModel(url, external ? target : UrlPaths.Absolute(context.Config.BaseUrl, target), title, context.Config.Language);
            added.Add(new Document
            {
                SourcePath = "", OutputPath = redirect.From.Path, Kind = DocumentKind.GeneratedFile, Title = title,
                Content = templates.Render(Partial, ("redirect", model)),
            });
            redirects.Add((redirect.From.Path, target));
        }
        context.Redirects = redirects;
        return [.. documents, .. added];
    }

    /// <summary>Every redirect the pages and site.yml ask for, with its target as an output path (or an http(s) address).</summary>
    private static List<Wanted> Requested(IReadOnlyList<Document> documents, BuildContext context)
    {
        var wanted = new List<Wanted>();
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal))
            wanted.AddRange(page.Meta.RedirectFrom.Select(from => new Wanted(from, page.OutputPath, page.SourcePath)));
        var pagesBySource = documents.Where(d => d.Kind == DocumentKind.Page).ToDictionary(d => d.SourcePath, StringComparer.Ordinal);
        foreach (var (from, to) in context.Config.Redirects)
        {
            var target = UrlPaths.Scheme(to) is "http" or "https" ? to
                : to.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? pagesBySource.GetValueOrDefault(to.TrimStart('/'))?.OutputPath ?? to
                : RedirectPaths.OutputPath(to) ?? to;
            wanted.Add(new Wanted(from, target, SiteConfig.FileName));
        }
        return wanted;
    }

    /// <summary>Where the redirect finally leads (through other redirects), or why it leads nowhere: to no page, or round in a loop.</summary>
    private static (string? Target, string? Problem) Follow(Wanted redirect, Dictionary<string, Wanted> bySource, Dictionary<string, Document> existing)
    {
        var chain = new List<string> { redirect.From.Path };
        var target = redirect.To;
        while (true)
        {
            if (UrlPaths.Scheme(target) is "http" or "https" || (existing.TryGetValue(target, out var page) && page.IsHtmlPage)) return (target, null);
            if (chain.Contains(target))
                return (null, $"the redirects loop: {string.Join(" → ", chain.Append(target))}; make one of them lead to a page.");
            if (!bySource.TryGetValue(target, out var next))
                return (null, $"the redirect from '{redirect.From.Path}' leads to '{target}', which is not a page of the site; point it at the page's new path (its .md file inside input/, or its .html path).");
            chain.Add(target);
            target = next.To;
        }
    }
}
