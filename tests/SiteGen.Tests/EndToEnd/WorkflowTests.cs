using YamlDotNet.RepresentationModel;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The shipped CI workflows (the repository's and the one `sitegen init` writes): weekly reference checks, pull-request reviews, and checks given the build's address.</summary>
public class WorkflowTests
{
    private static YamlMappingNode Workflow(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, path))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(YamlMappingNode workflow, string name) => (YamlMappingNode)((YamlMappingNode)workflow["jobs"])[name];

    private static List<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().ToList();

    /// <summary>A step's field as text; "" when the step has none.</summary>
    private static string Field(YamlMappingNode step, string name) => step.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value.ToString() : "";

    [Theory]
    [InlineData(".github/workflows/site.yml")]
    [InlineData("generator/Starter/dot_github/workflows/site.yml")]
    public void The_workflow_runs_refs_verify_on_its_weekly_schedule_and_proposes_the_lock_file(string path)
    {
        var root = Workflow(path);
        var on = (YamlMappingNode)root["on"];
        Assert.Contains(on.Children.Keys, k => k.ToString() == "schedule");
        var job = Job(root, "references");
        Assert.Contains("schedule", job["if"].ToString());
        var steps = Steps(job).Select(s => Field(s, "run")).ToList();
        Assert.Contains(steps, run => run.Contains("refs verify", StringComparison.Ordinal));
        Assert.Contains(steps, run => run.Contains("git add input/citations.lock.json", StringComparison.Ordinal) && run.Contains("gh pr create", StringComparison.Ordinal));
        Assert.Equal("write", ((YamlMappingNode)job["permissions"])["pull-requests"].ToString());
    }

    [Theory]
    [InlineData(".github/workflows/site.yml")]
    [InlineData("generator/Starter/dot_github/workflows/site.yml")]
    public void On_pull_requests_the_workflow_checks_changed_pages_against_the_base_summarises_the_diff_and_uploads_a_preview(string path)
    {
        var steps = Steps(Job(Workflow(path), "build"));
        Assert.Equal("0", ((YamlMappingNode)steps[0]["with"])["fetch-depth"].ToString());
        Assert.Contains(steps, s => Field(s, "run").Contains(" check ", StringComparison.Ordinal) && Field(s, "run").Contains("--base origin/{0}", StringComparison.Ordinal));
        Assert.Contains(steps, s => Field(s, "run").Contains("diff --base origin/${{ github.base_ref }} --format markdown >> \"$GITHUB_STEP_SUMMARY\"", StringComparison.Ordinal)
                                    && Field(s, "if").Contains("pull_request", StringComparison.Ordinal));
        Assert.Contains(steps, s => Field(s, "uses").StartsWith("actions/upload-artifact", StringComparison.Ordinal) && Field(s, "if").Contains("pull_request", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(".github/workflows/site.yml")]
    [InlineData("generator/Starter/dot_github/workflows/site.yml")]
    public void Every_check_is_given_the_address_the_build_was_given_so_the_output_is_not_called_stale(string path)
    {
        var runs = Steps(Job(Workflow(path), "build")).Select(s => Field(s, "run"))
            .Where(r => r.Contains(" build", StringComparison.Ordinal) || r.Contains(" check", StringComparison.Ordinal)).ToList();
        Assert.True(runs.Count >= 3);
        Assert.All(runs, run => Assert.Contains("--base-url {0}/', steps.pages.outputs.base_url", run));
        Assert.All(runs, run => Assert.Contains("--repository", run));
    }
}
