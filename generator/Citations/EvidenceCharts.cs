using System.Globalization;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// The geometry of the evidence charts, computed from the references' notes: an evidence map
/// (one mark per study, by design and year, sized by participants, shaped by population) and a
/// forest plot (each reported effect and its interval, around the line of no effect). Only
/// numbers and words go to the theme's partials, which draw the SVG; nothing is estimated here.
/// </summary>
public static class EvidenceCharts
{
    private const double Width = 640, Left = 150, Right = 70, Top = 24, RowHeight = 54, AxisSpace = 40;

    /// <param name="link">Where a reference's mark links, from the page the chart is on.</param>
    public static EvidenceMapModel? Map(string id, IReadOnlyList<Reference> references, string? focus, Words words, Func<Reference, string> link)
    {
        var studies = references.Where(r => r.Evidence.Design is { IsStudy: true } && r.Year is not null)
            .OrderBy(r => r.Evidence.Design!.Rank).ThenBy(r => r.Year).ThenBy(r => r.SortKey, StringComparer.Ordinal).ToList();
        if (studies.Count == 0) return null;
        var designs = studies.Select(s => s.Evidence.Design!).DistinctBy(d => d.Key).ToList();
        var (first, last) = (studies.Min(s => s.Year!.Value) - 1, studies.Max(s => s.Year!.Value) + 1);
        var plot = Width - Left - Right;
        double X(int year) => Left + (year - first) / (double)(last - first) * plot;
        var largest = Math.Max(1, studies.Max(s => s.Evidence.N ?? 0));
        var rows = designs.Select((d, i) => new ChartRow(words.Text("design_" + d.Key + "_other").Replace("{count}", "").Trim() is { Length: > 0 } name ? Capital(name) : d.Name,
            Top + RowHeight * (i + 0.5))).ToList();
        var marks = new List<EvidenceMark>();
        foreach (var group in studies.GroupBy(s => (s.Evidence.Design!.Key, s.Year!.Value)))
        {
            var row = rows[designs.FindIndex(d => d.Key == group.Key.Key)];
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var study = members[i];
                var radius = 4 + 12 * Math.Sqrt((study.Evidence.N ?? 0) / (double)largest);
                var y = row.Y + (i - (members.Count - 1) / 2.0) * Math.Min(16, RowHeight / Math.Max(1, members.Count));
                var inFocus = focus is null || string.Equals(study.Evidence.Condition?.Trim(), focus, StringComparison.OrdinalIgnoreCase);
                var label = Short($"{AuthorLabel.For(study)}") + $" {study.Year}";
                var population = study.Evidence.Condition ?? "";
                var name = string.Join(", ", new[] { label, study.Evidence.Design!.Name, study.Evidence.N is { } n ? $"n = {n.ToString("N0", CultureInfo.InvariantCulture)}" : null, population.Length > 0 ? population : null }.OfType<string>());
                marks.Add(new EvidenceMark(link(study), label, name, Round(X(study.Year!.Value)), Round(y), Round(radius), inFocus,
                    study.Evidence.Design.Name, study.Year.Value, study.Evidence.N?.ToString("N0", CultureInfo.InvariantCulture), population));
            }
        }
        // Along each row, every other label goes below its mark, so neighbours' labels do not run into each other.
        marks = [.. marks.GroupBy(m => rows.MinBy(r => Math.Abs(r.Y - m.Y))!.Y)
            .SelectMany(row => row.OrderBy(m => m.X).ThenBy(m => m.Y).Select((m, i) => m with { LabelBelow = i % 2 == 1 }))
            .OrderBy(m => m.Y).ThenBy(m => m.X)];
        var step = Math.Max(1, (int)Math.Ceiling((last - first) / 8.0));
        var ticks = Enumerable.Range(0, (last - first) / step + 1).Select(k => first + k * step)
            .Select(year => new ChartTick(Round(X(year)), year.ToString(CultureInfo.InvariantCulture))).ToList();
        var height = Top + RowHeight * designs.Count + AxisSpace;
        var mixed = focus is not null && marks.Any(m => !m.InFocus);
        var description = mixed ? words.Format("evidence_map_description_focus", ("condition", focus!)) : words.Text("evidence_map_description");
        return new EvidenceMapModel(id, words.Text("evidence_map_title"), description, (int)Width, Round(height), Left, Width - Right, Round(Top + RowHeight * designs.Count),
            rows, ticks, marks, mixed ? focus : null);
    }

    public static ForestPlotModel? Forest(string id, IReadOnlyList<Reference> references, string? outcome, Words words, Func<Reference, string> link)
    {
        var rows = references.Where(r => r.Evidence.Effect is not null && (outcome is null || string.Equals(r.Evidence.EffectOutcome?.Trim(), outcome.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Evidence.Effect!.Measure, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.SortKey, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return null;
        // One measure per plot: the first one's (ratios and differences cannot share an axis).
        var measure = rows[0].Evidence.Effect!.Measure;
        rows = rows.Where(r => r.Evidence.Effect!.Measure == measure).ToList();
        var ratio = rows[0].Evidence.Effect!.IsRatio;
        double T(double v) => ratio ? Math.Log10(v) : v;
        var noEffect = rows[0].Evidence.Effect!.NoEffect;
        var lowest = Math.Min(T(noEffect), rows.Min(r => T(r.Evidence.Effect!.Low)));
        var highest = Math.Max(T(noEffect), rows.Max(r => T(r.Evidence.Effect!.High)));
        var pad = (highest - lowest) * 0.08 + 1e-9;
        (lowest, highest) = (lowest - pad, highest + pad);
        const double plotLeft = 190, plotRight = 430, rowHeight = 30, top = 20;
        double X(double v) => plotLeft + (T(v) - lowest) / (highest - lowest) * (plotRight - plotLeft);
        var largest = Math.Max(1, rows.Max(r => r.Evidence.N ?? 0));
        var drawn = rows.Select((r, i) =>
        {
            var effect = r.Evidence.Effect!;
            var y = top + rowHeight * (i + 0.5);
            var pooled = r.Evidence.EffectPooled || r.Evidence.Design?.Key is "meta_analysis" or "systematic_review";
            var size = 6 + 10 * Math.Sqrt((r.Evidence.N ?? 0) / (double)largest);
            var label = $"{AuthorLabel.For(r)} {AuthorLabel.Year(r)}";
            var x = X(effect.Estimate);
            var diamond = pooled ? string.Join(' ', new[] { (X(effect.Low), y), (x, y - 7), (X(effect.High), y), (x, y + 7) }.Select(p => $"{Round(p.Item1).ToString(CultureInfo.InvariantCulture)},{Round(p.Item2).ToString(CultureInfo.InvariantCulture)}")) : null;
            return new ForestRow(link(r), label, $"{label}: {effect.Text()}{(r.Evidence.EffectOutcome is { } o ? ", " + o : "")}", Round(y), Round(x), Round(X(effect.Low)), Round(X(effect.High)),
                Round(size), diamond, effect.Text(), r.Evidence.N?.ToString("N0", CultureInfo.InvariantCulture), r.Evidence.EffectOutcome);
        }).ToList();
        var ticks = Ticks(lowest, highest, ratio).Select(v => new ChartTick(Round(X(v)), v.ToString("0.##", CultureInfo.InvariantCulture).Replace('-', '−'))).ToList();
        var axis = top + rowHeight * rows.Count + 6;
        return new ForestPlotModel(id, words.Format("forest_plot_title", ("outcome", outcome ?? rows[0].Evidence.EffectOutcome ?? measure)),
            words.Format(ratio ? "forest_plot_description_ratio" : "forest_plot_description", ("measure", measure)),
            (int)Width, Round(axis + 36), plotLeft, plotRight, Round(X(noEffect)), Round(axis), drawn, ticks, measure);
    }

    /// <summary>Round numbers across the axis: 1-2-5 steps for differences, 1-2-5 decades for ratios.</summary>
    private static IEnumerable<double> Ticks(double lowest, double highest, bool ratio)
    {
        if (ratio)
            return new[] { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500 }.Where(v => Math.Log10(v) >= lowest && Math.Log10(v) <= highest);
        var raw = (highest - lowest) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        var first = Math.Ceiling(lowest / step) * step;
        return Enumerable.Range(0, (int)Math.Floor((highest - first) / step) + 1).Select(k => Math.Round(first + k * step, 6));
    }

    private static double Round(double value) => Math.Round(value, 1);

    /// <summary>A label short enough for a chart: a long title (a work with no named author) is cut at a word.</summary>
    private static string Short(string label)
    {
        if (label.Length <= 24) return label;
        var cut = label.LastIndexOf(' ', 22);
        return label[..(cut > 8 ? cut : 22)].TrimEnd('.', ',', ' ', '…') + "…";
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
