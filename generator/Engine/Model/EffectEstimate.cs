using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Engine;

/// <summary>
/// An effect estimate with its confidence interval, as a reference's note gives it
/// ('effect: SMD -0.52 (-0.70 to -0.33)'), for a forest plot. Never computed by SiteGen: only
/// drawn as the source reports it.
/// </summary>
/// <param name="Measure">SMD, MD, g, d, RD (differences, no effect at 0) or RR, OR, HR (ratios, no effect at 1).</param>
public sealed partial record EffectEstimate(string Measure, double Estimate, double Low, double High)
{
    public static readonly string[] Differences = ["SMD", "MD", "g", "d", "RD"];
    public static readonly string[] Ratios = ["RR", "OR", "HR"];

    public const string Form = "a measure, the estimate and its 95% confidence interval, such as 'SMD -0.52 (-0.70 to -0.33)' or 'OR 9.87 (4.37 to 22.29)'";

    public bool IsRatio => Ratios.Contains(Measure);

    /// <summary>The value that means "no effect": 1 for a ratio, 0 for a difference.</summary>
    public double NoEffect => IsRatio ? 1 : 0;

    /// <summary>The estimate, or null when the text is not in the documented form (or its numbers do not make an interval around the estimate).</summary>
    public static EffectEstimate? Parse(string text)
    {
        var match = Pattern().Match(text.Trim().Replace('−', '-').Replace('–', '-'));
        if (!match.Success) return null;
        var measure = Differences.Concat(Ratios).First(m => m.Equals(match.Groups["measure"].Value, StringComparison.OrdinalIgnoreCase));
        double Number(string group) => double.Parse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var (estimate, low, high) = (Number("estimate"), Number("low"), Number("high"));
        if (low > estimate || estimate > high) return null;
        if (Ratios.Contains(measure) && low <= 0) return null;
        return new EffectEstimate(measure, estimate, low, high)
        {
            Written = $"{measure} {Minus(match.Groups["estimate"].Value)} ({Minus(match.Groups["low"].Value)} to {Minus(match.Groups["high"].Value)})",
        };
    }

    /// <summary>The figures as the source wrote them (their precision kept), with true minus signs.</summary>
    public string? Written { get; init; }

    /// <summary>"SMD −0.52 (−0.70 to −0.33)".</summary>
    public string Text() => Written ?? $"{Measure} {Minus(Estimate.ToString(CultureInfo.InvariantCulture))} ({Minus(Low.ToString(CultureInfo.InvariantCulture))} to {Minus(High.ToString(CultureInfo.InvariantCulture))})";

    private static string Minus(string number) => number.Replace('-', '−');

    [GeneratedRegex(@"^(?<measure>SMD|MD|RD|RR|OR|HR|g|d)\s+(?<estimate>-?\d+(\.\d+)?)\s*\(\s*(95%\s*CI\s*)?(?<low>-?\d+(\.\d+)?)\s*(to|,)\s*(?<high>-?\d+(\.\d+)?)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
