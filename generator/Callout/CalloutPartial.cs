using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Callout;

/// <summary>The editors' text of the evidence-limitations callout: input/_partials/limitations.md.</summary>
public sealed record CalloutPartial(string Heading, string Markdown, int BodyLine)
{
    public const string SourcePath = "_partials/limitations.md";
    /// <summary>The heading when neither the partial nor the theme's strings give one.</summary>

    /// <summary>Loads the partial; a missing or empty one is an error, because every page must carry it.</summary>
    public static CalloutPartial? Load(BuildContext context)
    {
        var file = context.Paths.InputSource(SourcePath);
        if (!SourceFiles.Exists(file))
        {
            context.Diagnostics.Error(SourcePath, 0, 0,
                "the evidence-limitations partial is missing; every page carries this callout, so create this file with the site's " +
                "standing caveats in Markdown (how strong the evidence is, what it does not show), under an optional front matter 'title:'.");
            return null;
        }
        var text = TextDecoding.Read(file, SourcePath, context.Diagnostics);
        if (text is null || FrontMatter.Read(text, SourcePath, context.Diagnostics) is not var (meta, body, bodyLine)) return null;
        if (string.IsNullOrWhiteSpace(body))
        {
            context.Diagnostics.Error(SourcePath, bodyLine, 1,
                "the evidence-limitations partial is empty; write the caveats that apply to every page.");
            return null;
        }
        return new CalloutPartial(meta.Title ?? context.Templates?.Text("callout_heading") ?? "", body, bodyLine);
    }
}
