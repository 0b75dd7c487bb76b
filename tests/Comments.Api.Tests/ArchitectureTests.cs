using System.Reflection;
using Microsoft.AspNetCore.Http;
using NetArchTest.Rules;

namespace Comments.Api.Tests;

/// <summary>Issue 18: what may depend on what (docs/architecture.md), checked on the compiled assemblies.</summary>
public sealed class ArchitectureTests
{
    /// <summary>The projects, and the ones of ours each may reference: every arrow points down, and the two hosts never meet.</summary>
    private static readonly Dictionary<string, string[]> Projects = new()
    {
        ["Contracts"] = [],
        ["Comments.Storage"] = ["Contracts"],
        ["Comments.Moderation"] = ["Comments.Storage", "Contracts"],
        ["ServiceDefaults"] = ["Comments.Storage", "Contracts"],
        ["Comments.Api"] = ["Comments.Moderation", "Comments.Storage", "ServiceDefaults", "Contracts"],
        ["Moderation.Worker"] = ["Comments.Moderation", "Comments.Storage", "ServiceDefaults", "Contracts"],
    };

    /// <summary>What the API's shared machinery may use: nothing of any feature.</summary>
    private static readonly string[] InfrastructureMayUse = ["Observability"];

    private static readonly Assembly Api = typeof(Program).Assembly;

    private static IEnumerable<string> Features() => Api.GetTypes()
        .Select(t => t.Namespace ?? "").Where(n => n.StartsWith("Comments.Api.", StringComparison.Ordinal))
        .Select(n => n.Split('.')[2]).Distinct().Order();

    [Fact]
    public void Projects_reference_only_the_projects_below_them()
    {
        var ours = Projects.Keys.ToHashSet();
        var assemblies = new[] { typeof(Program).Assembly, typeof(global::Moderation.Worker.RetryPolicy).Assembly }
            .SelectMany(a => a.GetReferencedAssemblies().Select(r => r.Name!).Where(ours.Contains).Select(Assembly.Load).Append(a))
            .DistinctBy(a => a.GetName().Name).ToList();
        var wrong = assemblies
            .SelectMany(a => a.GetReferencedAssemblies().Select(r => r.Name!).Where(ours.Contains)
                .Where(r => !Projects[a.GetName().Name!].Contains(r)).Select(r => $"{a.GetName().Name} -> {r}"))
            .ToList();
        Assert.Equal(Projects.Count, assemblies.Count);
        Assert.True(wrong.Count == 0, "References against the direction of the layers: " + string.Join(", ", wrong));
    }

    [Fact]
    public void The_apis_feature_folders_depend_on_each_other_without_a_cycle()
    {
        var features = Features().ToList();
        var uses = features.ToDictionary(f => f, f => features.Where(other => other != f && DependsOn(f, other)).ToHashSet());

        var cycles = features.SelectMany(f => uses[f].Where(other => Reaches(uses, other, f, [])).Select(other => $"{f} -> {other} -> ... -> {f}")).ToList();
        Assert.True(cycles.Count == 0, "Feature folders that depend on each other in a circle: " + string.Join("; ", cycles));
        var infrastructure = uses["Infrastructure"].Except(InfrastructureMayUse).ToList();
        Assert.True(infrastructure.Count == 0, "Infrastructure uses features: " + string.Join(", ", infrastructure));
    }

    [Fact]
    public void No_class_calls_an_endpoint_class_and_no_service_returns_an_http_result()
    {
        var endpointClasses = Api.GetTypes().Where(IsEndpointClass).ToList();
        var callers = endpointClasses.SelectMany(endpoint => Types.InAssembly(Api)
                .That().HaveDependencyOn(endpoint.FullName!).GetTypes()
                .Where(caller => Outermost(caller) != endpoint && !IsEndpointMapping(caller))
                .Select(caller => $"{Outermost(caller).Name} -> {endpoint.Name}"))
            .Distinct().ToList();
        Assert.True(callers.Count == 0, "Endpoint classes are called only by the route mapping: " + string.Join(", ", callers));

        var services = Api.GetTypes().Where(IsService)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => ReturnsHttpResult(m.ReturnType)).Select(m => $"{t.Name}.{m.Name}"))
            .ToList();
        Assert.True(services.Count == 0, "Services and the shared machinery return data or their own outcome, never an HTTP result: " + string.Join(", ", services));
    }

    /// <summary>The injected classes of the features, and everything in Infrastructure; static endpoint helpers may build answers.</summary>
    private static bool IsService(Type type) =>
        !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) && type.DeclaringType is null
        && type.Namespace?.Split('.') is [_, _, var folder, ..] && !HttpFolders.Contains(folder)
        && (folder == "Infrastructure" || (type.IsClass && !(type.IsAbstract && type.IsSealed) && !typeof(Delegate).IsAssignableFrom(type)));

    /// <summary>The folders whose classes speak HTTP themselves.</summary>
    private static readonly string[] HttpFolders = ["Errors", "Contract", "Pages", "Health", "Auth", "RateLimiting", "Caching"];

    private static bool IsEndpointClass(Type type) => type.Name.EndsWith("Api", StringComparison.Ordinal) && type.IsAbstract && type.IsSealed;

    /// <summary>Program, and a feature's class of Map methods only (ModerationApi maps its parts' endpoints).</summary>
    private static bool IsEndpointMapping(Type type) => type.Namespace is null or "Comments.Api"
        || (IsEndpointClass(type) && type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).All(m => m.Name.StartsWith("Map", StringComparison.Ordinal)));

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static bool ReturnsHttpResult(Type type)
    {
        var result = type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0] : type;
        return typeof(IResult).IsAssignableFrom(result);
    }

    private static bool DependsOn(string feature, string other) =>
        !Types.InAssembly(Api).That().ResideInNamespace($"Comments.Api.{feature}")
            .ShouldNot().HaveDependencyOn($"Comments.Api.{other}").GetResult().IsSuccessful;

    private static bool Reaches(Dictionary<string, HashSet<string>> uses, string from, string to, HashSet<string> seen) =>
        from == to || (seen.Add(from) && uses[from].Any(next => Reaches(uses, next, to, seen)));
}
