using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Engine;

public class PipelineTests
{
    private sealed class AddPage(string name) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
            [.. documents, TestContext.Page(name + ".md", name + ".html")];
    }

    private sealed class Fail : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
        {
            context.Diagnostics.Error("a.md", 1, 1, "broken");
            return documents;
        }
    }

    private sealed class Throw : PerDocumentModule
    {
        protected override Document Process(Document document, BuildContext context) =>
            throw new InvalidDataException("bad data in " + document.SourcePath);
    }

    private sealed class Upper : PerDocumentModule
    {
        protected override Document Process(Document document, BuildContext context) =>
            document with { Title = document.SourcePath.ToUpperInvariant() };
    }

    [Fact]
    public void Modules_run_in_order_and_each_sees_the_previous_output()
    {
        var context = TestContext.Create();
        var result = new Pipeline().Add(Phase.Input, new AddPage("a")).Add(Phase.Process, new AddPage("b")).Run(context);
        Assert.Equal(["a.md", "b.md"], result.Select(d => d.SourcePath));
    }

    [Fact]
    public void Errors_let_every_check_run_but_stop_the_output_phase()
    {
        var context = TestContext.Create();
        var result = new Pipeline()
            .Add(Phase.Process, new Fail())
            .Add(Phase.Process, new AddPage("same-phase"))
            .Add(Phase.PostProcess, new AddPage("later-phase"))
            .Add(Phase.Output, new AddPage("never"))
            .Run(context);
        Assert.Contains(result, d => d.SourcePath == "same-phase.md");
        Assert.Contains(result, d => d.SourcePath == "later-phase.md");
        Assert.DoesNotContain(result, d => d.SourcePath == "never.md");
    }

    [Fact]
    public void A_module_exception_becomes_a_diagnostic_naming_the_page()
    {
        var context = TestContext.Create();
        new Pipeline().Add(Phase.Input, new AddPage("x")).Add(Phase.Process, new Throw()).Run(context);
        var error = Assert.Single(context.Diagnostics.All);
        Assert.Equal("x.md", error.File);
        Assert.Contains("bad data in x.md", error.Message);
    }

    [Fact]
    public void Parallel_modules_keep_the_input_order()
    {
        var context = TestContext.Create();
        var pages = Enumerable.Range(0, 500).Select(i => TestContext.Page($"p{i:D3}.md", $"p{i:D3}.html")).ToList();
        var result = new Upper().Execute(pages, context);
        Assert.Equal(pages.Select(p => p.SourcePath.ToUpperInvariant()), result.Select(d => d.Title));
    }

    [Fact]
    public void Documents_are_immutable_records()
    {
        var page = TestContext.Page("a.md", "a.html");
        var changed = page with { Title = "New" };
        Assert.Equal("", page.Title);
        Assert.Equal("New", changed.Title);
    }

    [Fact]
    public void Steps_must_be_added_in_phase_order() =>
        Assert.Throws<InvalidOperationException>(() => new Pipeline().Add(Phase.Output, new Fail()).Add(Phase.Input, new Fail()));
}
