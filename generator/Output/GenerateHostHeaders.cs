using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>Post-process: writes _headers with the site's security headers for Netlify and Cloudflare Pages.</summary>
public sealed class GenerateHostHeaders : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
        [.. documents, new Document { SourcePath = "", OutputPath = "_headers", Kind = DocumentKind.GeneratedFile, Content = SecurityHeaders.HeadersFile() }];
}
