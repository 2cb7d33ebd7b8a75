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
        var result = new Pipeline().Add(Phase.Read, new AddPage("a")).Add(Phase.Render, new AddPage("b")).Run(context);
        Assert.Equal(["a.md", "b.md"], result.Select(d => d.SourcePath));
    }

    [Fact]
    public void Errors_let_every_check_run_but_stop_the_output_phase()
    {
        var context = TestContext.Create();
        var result = new Pipeline()
            .Add(Phase.Render, new Fail())
            .Add(Phase.Render, new AddPage("same-phase"))
            .Add(Phase.Gather, new AddPage("later-phase"))
            .Add(Phase.Publish, new AddPage("never"))
            .Run(context);
        Assert.Contains(result, d => d.SourcePath == "same-phase.md");
        Assert.Contains(result, d => d.SourcePath == "later-phase.md");
        Assert.DoesNotContain(result, d => d.SourcePath == "never.md");
    }

    [Fact]
    public void A_module_exception_becomes_a_diagnostic_naming_the_page()
    {
        var context = TestContext.Create();
        new Pipeline().Add(Phase.Read, new AddPage("x")).Add(Phase.Render, new Throw()).Run(context);
        var error = Assert.Single(context.Diagnostics.All);
        Assert.Equal("x.md", error.File);
        Assert.Contains("bad data in x.md", error.Message);
        Assert.StartsWith("this page could not be processed by the Throw step (InvalidDataException", error.Message);
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
    public void A_stream_lets_go_of_what_it_is_handed_and_leaves_a_lent_list_alone()
    {
        var context = TestContext.Create();
        var pages = Enumerable.Range(0, 200).Select(i => TestContext.Page($"p{i:D3}.md", $"p{i:D3}.html")).ToList();
        var stream = new StreamDocuments(new Upper());

        // Handed over (as the pipeline does): no page stays behind in the caller's array.
        var handed = pages.ToArray();
        var streamed = stream.Consume(handed, context);
        Assert.All(handed, Assert.Null);
        Assert.Equal(pages.Select(p => p.SourcePath.ToUpperInvariant()), streamed.Select(d => d.Title));

        // Lent (any other caller): the list is read, never changed.
        var lent = stream.Execute(pages, context);
        Assert.All(pages, Assert.NotNull);
        Assert.Equal(streamed.Select(d => d.Title), lent.Select(d => d.Title));
    }

    private sealed class Crash : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) =>
            throw new KeyNotFoundException("no such key");
    }

    [Fact]
    public void A_bug_in_a_whole_site_step_is_one_error_naming_the_step_and_nothing_after_it_runs()
    {
        var context = TestContext.Create();
        var result = new Pipeline().Add(Phase.Read, new AddPage("a")).Add(Phase.Render, new Crash()).Add(Phase.Render, new AddPage("b")).Run(context);
        var error = Assert.Single(context.Diagnostics.All);
        Assert.Equal("the Crash step failed (KeyNotFoundException: no such key); this is a bug in sitegen: run with --verbose for details, and please report it.",
            error.Message);
        Assert.Equal(["a.md"], result.Select(d => d.SourcePath));
    }

    [Fact]
    public void An_error_in_the_settings_phase_stops_the_build_before_anything_is_read()
    {
        var context = TestContext.Create();
        var result = new Pipeline().Add(Phase.Settings, new Fail()).Add(Phase.Settings, new AddPage("settings")).Add(Phase.Read, new AddPage("read")).Run(context);
        Assert.Equal(["settings.md"], result.Select(d => d.SourcePath));
        Assert.Single(context.Diagnostics.All);
    }

    [Fact]
    public void Steps_must_be_added_in_phase_order() =>
        Assert.Throws<InvalidOperationException>(() => new Pipeline().Add(Phase.Publish, new Fail()).Add(Phase.Read, new Fail()));

    [Fact]
    public void Long_builds_report_progress_as_plain_phase_lines_when_output_is_redirected()
    {
        var progress = new StringWriter();
        var context = TestContext.Create() with { Log = new Log(TextWriter.Null, verbose: false, progress, interactive: false) { ProgressAfter = TimeSpan.Zero } };
        new Pipeline().Add(Phase.Read, new AddPage("a")).Add(Phase.Read, new AddPage("b")).Add(Phase.Render, new AddPage("c")).Run(context);
        Assert.Matches(@"^sitegen: Read phase \([\d.]+ s so far\)\nsitegen: Render phase \([\d.]+ s so far\)\n$", progress.ToString().Replace("\r", ""));
    }

    [Fact]
    public void On_a_terminal_progress_is_one_bar_that_is_cleared_at_the_end()
    {
        var progress = new StringWriter();
        var context = TestContext.Create() with { Log = new Log(TextWriter.Null, verbose: false, progress, interactive: true) { ProgressAfter = TimeSpan.Zero } };
        new Pipeline().Add(Phase.Read, new AddPage("a")).Add(Phase.Render, new AddPage("b")).Run(context);
        var text = progress.ToString();
        Assert.Contains("\r[............] 0/2 AddPage", text.Replace(new string('.', 24), "............"));
        Assert.EndsWith("\r" + new string(' ', 60) + "\r", text);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void Quick_builds_show_no_progress_and_verbose_adds_per_phase_timings()
    {
        var progress = new StringWriter();
        var lines = new StringWriter();
        var context = TestContext.Create() with { Log = new Log(lines, verbose: true, progress, interactive: true) };
        new Pipeline().Add(Phase.Read, new AddPage("a")).Add(Phase.Render, new AddPage("b")).Run(context);
        Assert.Equal("", progress.ToString());
        Assert.Matches(@"phases: Read \d+ ms, Render \d+ ms", lines.ToString());
    }
}
