using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Comments.Api.Tests;

/// <summary>axe-core run on the page as it is shown now: a serious or critical violation fails the test.</summary>
public static class Accessibility
{
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Fails with each violation's id, impact, help text and the selectors of the offending nodes.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe();
        if (Environment.GetEnvironmentVariable("A11Y_EXPLORE") is { } file) { File.AppendAllText(file, view + Environment.NewLine + string.Join(Environment.NewLine, result.Violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}" + Environment.NewLine + string.Join(Environment.NewLine, v.Nodes.Select(n => $"    {n.Target}: {n.Html}")))) + Environment.NewLine); return; } // TEMP
        var violations = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        if (violations.Count == 0)
        {
            return;
        }
        var lines = violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]{Environment.NewLine}"
            + string.Join(Environment.NewLine, v.Nodes.Select(n => $"    {n.Target}: {Reasons(n)}")));
        Assert.Fail($"{view}: {violations.Count} serious or critical accessibility violations{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }

    // What axe found wrong with the node: the messages of its failed checks.
    private static string Reasons(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.Where(checks => checks is not null).SelectMany(checks => checks).Select(check => check.Message));
}
