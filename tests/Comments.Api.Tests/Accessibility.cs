using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>axe-core (all its rules) run on the page as it is shown now: a serious or critical violation fails the test.</summary>
public static class Accessibility
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    // Also failing although axe rates it moderate: content outside every landmark, which screen reader users skip
    // when they move between landmarks (the moderator console had it).
    private static readonly string[] FailingRules = ["region"];

    /// <summary>Fails with each violation's id, impact, help text and the selectors of the offending nodes.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Where(v => FailingImpacts.Contains(v.Impact) || FailingRules.Contains(v.Id)).ToList();
        if (violations.Count == 0)
        {
            return;
        }
        var lines = violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]{Environment.NewLine}"
            + string.Join(Environment.NewLine, v.Nodes.Select(n => $"    {n.Target}: {Reasons(n)}")));
        Assert.Fail($"{view}: {violations.Count} serious or critical accessibility violations (or content outside landmarks){Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }

    // What axe found wrong with the node: the messages of its failed checks.
    private static string Reasons(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.Where(checks => checks is not null).SelectMany(checks => checks).Select(check => check.Message));
}
