using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comments.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 18: the published contract. The document lists every endpoint the authorization matrix knows (pages and
/// development doors excepted), with its auth requirement, and the copy in docs/openapi.json is the generated one:
/// a contract change is always a visible diff. Set UPDATE_CONTRACT=1 to write the copy.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class OpenApiTests(CommentsStack stack)
{
    private static readonly string CommittedPath = Path.Combine(TestServices.RepositoryRoot, "docs", "openapi.json");

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await stack.Api.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_document_lists_every_endpoint_of_the_authorization_matrix_with_its_auth_requirement()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var described = stack.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        var missing = new List<string>();
        foreach (var (endpoint, who) in AuthorizationMatrixTests.Access.Where(a => described.Contains(a.Key)))
        {
            var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            var operation = paths.FirstOrDefault(p => Normalize(p.Key) == Normalize(pattern)).Value?[method.ToLowerInvariant()];
            if (operation is null)
            {
                missing.Add(endpoint);
                continue;
            }
            var secured = operation["security"] is JsonArray { Count: > 0 };
            Assert.True(secured == (who != AuthorizationMatrixTests.Who.Public), $"{endpoint}: security requirement {(secured ? "present" : "absent")} for a {who} endpoint");
        }
        Assert.True(missing.Count == 0, "Endpoints missing from /openapi/v1.json: " + string.Join(", ", missing));
        Assert.True(described.Count > 40, $"the matrix knows the endpoints ({described.Count} described)");
    }

    [Fact]
    public async Task The_committed_document_is_the_generated_one()
    {
        var generated = (await DocumentAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACT") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, generated);
        }

        var committed = File.Exists(CommittedPath) ? await File.ReadAllTextAsync(CommittedPath) : "(no docs/openapi.json)";
        Assert.True(committed == generated,
            "docs/openapi.json differs from the API's /openapi/v1.json: the contract changed. Review the change, then write the copy with " +
            "UPDATE_CONTRACT=1 scripts/test.sh --filter FullyQualifiedName~OpenApiTests");
    }

    // {id:guid} in a route is {id} in the document; a group's trailing slash is dropped.
    private static string Normalize(string path) => Constraint().Replace(path, "}").TrimEnd('/');

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}
