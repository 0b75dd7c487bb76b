namespace Comments.Harness;

/// <summary>
/// Where everything is, from the environment that <c>scripts/faults.sh</c> or <c>scripts/bench.sh</c> sets up:
/// the repository with its Release build, this run's PostgreSQL and RabbitMQ, the first API's address and how many
/// APIs and workers run (the i-th API listens on the first one's port + i).
/// </summary>
public sealed record HarnessSettings(
    string Root,
    string Profile,
    string ApiUrl,
    string ConnectionString,
    string RabbitHost,
    int RabbitPort,
    string SigningKey,
    int Apis,
    int Workers)
{
    public string ApiDirectory => Path.Combine(Root, "src", "Comments.Api", "bin", "Release", "net10.0");
    public string WorkerDirectory => Path.Combine(Root, "src", "Moderation.Worker", "bin", "Release", "net10.0");
    public string LogDirectory => Path.Combine(Root, ".data", Profile, "logs");

    public IReadOnlyList<Uri> ApiUrls =>
        [.. Enumerable.Range(0, Apis).Select(i => new UriBuilder(ApiUrl) { Port = new Uri(ApiUrl).Port + i }.Uri)];

    /// <param name="instances">The environment's prefix for the counts (FAULTS: FAULTS_APIS, FAULTS_WORKERS) and their default.</param>
    public static HarnessSettings FromEnvironment(string profile, string defaultApiUrl, (string Prefix, int Default) instances) => new(
        Root: Required("COMMENTS_ROOT"),
        Profile: profile,
        ApiUrl: Environment.GetEnvironmentVariable("HARNESS_API_URL") ?? defaultApiUrl,
        ConnectionString: Required("ConnectionStrings__Comments"),
        RabbitHost: Required("RabbitMq__Host"),
        RabbitPort: int.Parse(Required("RabbitMq__Port")),
        SigningKey: Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        Apis: Number($"{instances.Prefix}_APIS", instances.Default),
        Workers: Number($"{instances.Prefix}_WORKERS", instances.Default));

    public static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; run this through its script in scripts/");
}
