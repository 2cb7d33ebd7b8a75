using Fluid;

namespace SiteGen.Engine;

/// <summary>
/// The typed models the build hands to the theme's partials for the parts it generates; a
/// partial reads their properties in snake_case (<c>callout.page_points</c>). Text is escaped by
/// Liquid; the fields that end in <c>_html</c> are already HTML (rendered Markdown, a formatted
/// reference) and are printed with <c>| raw</c>.
/// </summary>
public static class PartialModels
{
    /// <summary>Lets templates read the models' properties (each named here, so a natively compiled program keeps them).</summary>
    public static void Register(Fluid.MemberAccessStrategy strategy)
    {
        strategy.Register<CalloutModel>();
        strategy.Register<PageListEntry>();
        strategy.Register<ReferenceListModel>();
        strategy.Register<ReferenceEntry>();
        strategy.Register<EvidenceRow>();
        strategy.Register<EvidenceTableGroup>();
        strategy.Register<EvidenceDesignGroup>();
        strategy.Register<SiteReference>();
        strategy.Register<NoticeLabel>();
        strategy.Register<GlossaryTermModel>();
        strategy.Register<GlossaryPageEntry>();
        strategy.Register<ChangeLogEntry>();
        strategy.Register<RedirectModel>();
        strategy.Register<HeadingLinkModel>();
        strategy.Register<EvidenceMapModel>();
        strategy.Register<EvidenceMark>();
        strategy.Register<ChartRow>();
        strategy.Register<ChartTick>();
        strategy.Register<ForestPlotModel>();
        strategy.Register<ForestRow>();
        strategy.Register<NavModel>();
    }
}

/// <summary>partials/callout.liquid: the evidence-limitations callout of one page.</summary>
/// <param name="TextHtml">The site's standing caveats (input/_partials/limitations.md), rendered.</param>
/// <param name="Summary">What the page cites, in one sentence; null when there is nothing to say.</param>
/// <param name="PagePointsHtml">The page's own points (front matter 'limitations'), each rendered.</param>
public sealed record CalloutModel(string Heading, string TextHtml, string? Summary, IReadOnlyList<string> PagePointsHtml);

/// <summary>An entry of a list of pages (the 404 and search pages): link, title and description.</summary>
public sealed record PageListEntry(string Url, string Title, string? Description);

/// <summary>partials/reference-list.liquid: the works a page cites, numbered (Vancouver) or by author (author-year).</summary>
public sealed record ReferenceListModel(bool Numbered, IReadOnlyList<ReferenceEntry> Entries);

/// <summary>One work in a reference list: its anchor, its formatted reference, and the ids of the markers that cite it.</summary>
public sealed record ReferenceEntry(string Id, string ReferenceHtml, IReadOnlyList<string> MarkerIds)
{
    /// <summary>Retractions, withdrawals, expressions of concern and corrections, as labels.</summary>
    public IReadOnlyList<NoticeLabel> Notices { get; init; } = [];
}

/// <summary>A notice about a work as readers see it ("Retracted 2 May 2024"), linked to the notice when it has a DOI.</summary>
public sealed record NoticeLabel(string Kind, string Text, string? Url);

/// <summary>A row of partials/evidence-table.liquid: one study, with what its entry's note says (null where it says nothing).</summary>
public sealed record EvidenceRow(string Url, string Label, string Design, string? N, string? Population, string? Comparator, string? Finding)
{
    public string? Condition { get; init; }
    public string? FollowUp { get; init; }

    /// <summary>The GRADE certainty in the theme's words (certainty_high ... certainty_very_low); null when the note gives none.</summary>
    public string? Certainty { get; init; }

    /// <summary>Retractions, withdrawals, expressions of concern and corrections, as labels.</summary>
    public IReadOnlyList<NoticeLabel> Notices { get; init; } = [];
}

/// <summary>A table of partials/evidence-table.liquid: the studies in the site's focus condition, or the other evidence it cites; Heading is null when the table is the only one.</summary>
public sealed record EvidenceTableGroup(string? Heading, string Id, IReadOnlyList<EvidenceRow> Studies)
{
    /// <summary>The studies grouped by design, in the table's order: each group is a row group headed by its design.</summary>
    public IReadOnlyList<EvidenceDesignGroup> Designs =>
        [.. Studies.GroupBy(s => s.Design).Select(g => new EvidenceDesignGroup(g.Key, [.. g]))];
}

/// <summary>The studies of one design in an evidence table.</summary>
public sealed record EvidenceDesignGroup(string Design, IReadOnlyList<EvidenceRow> Studies);

/// <summary>An entry of partials/references-page.liquid: a work, its evidence badge and the pages that cite it.</summary>
public sealed record SiteReference(string Id, string ReferenceHtml, string? Badge, IReadOnlyList<PageListEntry> CitedOn)
{
    public IReadOnlyList<NoticeLabel> Notices { get; init; } = [];
}

/// <summary>partials/glossary-term.liquid: a glossary term where a page first uses it, with its definition as a tooltip.</summary>
/// <param name="Text">The words as the page writes them.</param>
/// <param name="Url">The term's entry on the glossary page, relative to the page.</param>
/// <param name="TooltipId">A page-unique id for the definition, which the link names with aria-describedby.</param>
public sealed record GlossaryTermModel(string Text, string Url, string Definition, string TooltipId, bool Abbreviation);

/// <summary>An entry of partials/glossary-page.liquid: a term, its other names, its definition and the source for it, if any.</summary>
public sealed record GlossaryPageEntry(string Id, string Term, IReadOnlyList<string> Aliases, string Definition, string? SourceUrl, string? SourceLabel);

/// <summary>An entry of partials/whats-new.liquid: one logged change, with the page it changed.</summary>
/// <param name="Date">yyyy-mm-dd, for the time element.</param>
/// <param name="Type">clinical or editorial; <paramref name="TypeText"/> is the theme's word for it.</param>
public sealed record ChangeLogEntry(string Date, string DateDisplay, string Type, string TypeText, string Summary, string PageTitle, string PageUrl);

/// <summary>partials/redirect.liquid: the page left at an old path, pointing at where the page now is.</summary>
/// <param name="Url">Where the page now is, relative to the old path (or an http(s) address).</param>
/// <param name="CanonicalUrl">The new page's absolute address when the site has a base URL; null otherwise.</param>
public sealed record RedirectModel(string Url, string? CanonicalUrl, string Title, string Language);

/// <summary>partials/heading-link.liquid: the link a section heading carries to itself.</summary>
/// <param name="Id">The heading's id; <paramref name="Text"/> is its text, for the link's accessible name.</param>
public sealed record HeadingLinkModel(string Id, string Text);

/// <summary>A labelled row of a chart (a study design on the evidence map), at its vertical centre.</summary>
public sealed record ChartRow(string Label, double Y);

/// <summary>A labelled mark on a chart's axis, at its horizontal position.</summary>
public sealed record ChartTick(double X, string Label);

/// <summary>
/// partials/evidence-map.liquid: one mark per study, by design (rows, strongest at the top) and
/// year (across), sized by participants; <see cref="EvidenceMark.InFocus"/> studies are circles, others squares.
/// </summary>
/// <param name="Focus">The site's condition when the map holds studies in others too (the legend names it); null otherwise.</param>
public sealed record EvidenceMapModel(string Id, string Title, string Description, int Width, double Height, double PlotLeft, double PlotRight, double AxisY,
    IReadOnlyList<ChartRow> Rows, IReadOnlyList<ChartTick> Ticks, IReadOnlyList<EvidenceMark> Marks, string? Focus)
{
    public double RowLabelX => PlotLeft - 10;
    public double TickY => AxisY + 18;
}

/// <summary>A study on the evidence map: its link, short label, accessible name, position, radius and what the data table shows.</summary>
public sealed record EvidenceMark(string Url, string Label, string Name, double X, double Y, double R, bool InFocus, string Design, int Year, string? N, string Population)
{
    /// <summary>The square of a study in another condition: its corner and side.</summary>
    public double SquareX => Math.Round(X - R, 1);
    public double SquareY => Math.Round(Y - R, 1);
    public double Side => Math.Round(2 * R, 1);

    /// <summary>The label goes below the mark rather than above it (every other mark of a row, so neighbours' labels do not collide).</summary>
    public bool LabelBelow { get; init; }

    /// <summary>Where the short label starts: to the right of the mark, above it or below it.</summary>
    public double LabelX => Math.Round(X + R + 3, 1);
    public double LabelY => Math.Round(LabelBelow ? Y + R + 11 : Y - R - 2, 1);
}

/// <summary>partials/forest-plot.liquid: each study's reported effect and interval against the line of no effect (<paramref name="NoEffectX"/>).</summary>
public sealed record ForestPlotModel(string Id, string Title, string Description, int Width, double Height, double PlotLeft, double PlotRight, double NoEffectX, double AxisY,
    IReadOnlyList<ForestRow> Rows, IReadOnlyList<ChartTick> Ticks, string Measure)
{
    public double TickY => AxisY + 18;
    public double ValueX => PlotRight + 10;
}

/// <summary>A row of a forest plot: a square sized by participants, or a diamond (<paramref name="Diamond"/>, its points) for a pooled estimate the source reports.</summary>
public sealed record ForestRow(string Url, string Label, string Name, double Y, double X, double LowX, double HighX, double Size, string? Diamond, string Effect, string? N, string? Outcome)
{
    public double SquareX => Math.Round(X - Size / 2, 1);
    public double SquareY => Math.Round(Y - Size / 2, 1);
}
