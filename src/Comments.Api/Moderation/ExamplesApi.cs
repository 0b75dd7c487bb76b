using Comments.Api.Auth;
using Comments.Moderation.Harms;
using Comments.Moderation.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>
/// A site's bank of example comments per harm: a new comment close to one (<c>ExampleSimilarity</c>) is held for that
/// harm, so moderators teach the system a new pattern without retraining. A harm without examples of the site's own
/// uses the starter bank.
/// </summary>
public static class ExamplesApi
{
    public const int MaxExamplesPerHarm = 200;
    public const int MinExampleLength = 3;
    public const int MaxExampleLength = 1_000;

    public static RouteGroupBuilder MapExamplesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderation examples").RequireAuthorization(Policies.Moderator);
        api.MapGet("/examples", GetExamples);
        api.MapPut("/examples", PutExamples);
        return api;
    }

    public static async Task<Results<Ok<ExampleBankView>, ValidationProblem>> GetExamples(
        string? siteId, SiteModerationStore store, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(await ViewAsync(site, store, cancellationToken));
    }

    /// <summary>Replaces the examples of each harm named in the body; harms left out keep theirs.</summary>
    public static async Task<Results<Ok<ExampleBankView>, ValidationProblem>> PutExamples(
        string? siteId, ExampleBankUpdate update, HttpContext http, SiteModerationStore store, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } problem)
        {
            return problem;
        }
        var errors = Validate(update, out var harms);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        foreach (var (harm, examples) in harms)
        {
            await store.SaveExamplesAsync(site, harm, examples, http.User.UserId()!, cancellationToken);
        }
        return TypedResults.Ok(await ViewAsync(site, store, cancellationToken));
    }

    private static Dictionary<string, string[]> Validate(ExampleBankUpdate update, out List<(HarmKind Harm, IReadOnlyList<string> Examples)> harms)
    {
        var errors = new Dictionary<string, string[]>();
        harms = [];
        if (update.Examples is not { Count: > 0 })
        {
            errors["examples"] = ["name at least one harm, for example { \"examples\": { \"INSULT\": [\"...\"] } }."];
            return errors;
        }
        foreach (var (code, texts) in update.Examples)
        {
            var harm = Enum.GetValues<HarmKind>().Where(h => HarmCodes.For(h) == code).Select(h => (HarmKind?)h).FirstOrDefault();
            var examples = (texts ?? []).Select(text => text?.Trim() ?? "").Distinct().ToList();
            if (harm is null)
            {
                errors[$"examples.{code}"] = [$"not a harm; use one of {string.Join(", ", Enum.GetValues<HarmKind>().Select(HarmCodes.For))}."];
            }
            else if (examples.Count > MaxExamplesPerHarm || examples.Any(e => e.Length < MinExampleLength || e.Length > MaxExampleLength || e.Any(char.IsControl)))
            {
                errors[$"examples.{code}"] = [$"at most {MaxExamplesPerHarm} examples, each {MinExampleLength} to {MaxExampleLength} characters without control characters."];
            }
            else
            {
                harms.Add((harm.Value, examples));
            }
        }
        return errors;
    }

    private static async Task<ExampleBankView> ViewAsync(string site, SiteModerationStore store, CancellationToken cancellationToken)
    {
        var harms = new List<HarmExamplesView>();
        foreach (var harm in Enum.GetValues<HarmKind>())
        {
            var (examples, version) = await store.GetExamplesAsync(site, harm, cancellationToken);
            harms.Add(new HarmExamplesView(HarmCodes.For(harm), version, Starter: version == 0, examples));
        }
        return new ExampleBankView(site, harms);
    }
}

public sealed record ExampleBankUpdate(IReadOnlyDictionary<string, IReadOnlyList<string>?>? Examples);

public sealed record HarmExamplesView(string Harm, int Version, bool Starter, IReadOnlyList<string> Examples);

public sealed record ExampleBankView(string SiteId, IReadOnlyList<HarmExamplesView> Harms);
