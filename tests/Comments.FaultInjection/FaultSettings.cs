namespace Comments.FaultInjection;

/// <summary>Where everything is, from the environment that <c>scripts/faults.sh</c> sets up.</summary>
public sealed record FaultSettings(
    string Root,
    string ApiUrl,
    string ConnectionString,
    string RabbitHost,
    int RabbitPort,
    int Comments,
    int RatePerSecond,
    int Readers,
    string SigningKey)
{
    public string ApiDirectory => Path.Combine(Root, "src", "Comments.Api", "bin", "Release", "net10.0");
    public string WorkerDirectory => Path.Combine(Root, "src", "Moderation.Worker", "bin", "Release", "net10.0");
    public string LogDirectory => Path.Combine(Root, ".data", "faults", "logs");
    public string ReportPath => Path.Combine(Root, "docs", "reliability.md");

    public static FaultSettings FromEnvironment() => new(
        Root: Required("COMMENTS_ROOT"),
        ApiUrl: Environment.GetEnvironmentVariable("FAULTS_API_URL") ?? "http://127.0.0.1:5790",
        ConnectionString: Required("ConnectionStrings__Comments"),
        RabbitHost: Required("RabbitMq__Host"),
        RabbitPort: int.Parse(Required("RabbitMq__Port")),
        Comments: Number("FAULTS_COMMENTS", 2000),
        RatePerSecond: Number("FAULTS_RATE", 100),
        Readers: Number("FAULTS_READERS", 20),
        SigningKey: Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; run scripts/faults.sh");

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
