using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>
/// The load of every scenario: FAULTS_COMMENTS at FAULTS_RATE per second from FAULTS_READERS readers, spread over
/// FAULTS_APIS APIs, decided by FAULTS_WORKERS workers (2 of each).
/// </summary>
public sealed record FaultSettings(HarnessSettings Harness, int Comments, int RatePerSecond, int Readers)
{
    public string ReportPath => Path.Combine(Harness.Root, "docs", "reliability.md");

    public static FaultSettings FromEnvironment() => new(
        HarnessSettings.FromEnvironment(Environment.GetEnvironmentVariable("PROFILE") ?? "faults", "http://127.0.0.1:5790", ("FAULTS", 2)),
        Comments: HarnessSettings.Number("FAULTS_COMMENTS", 2000),
        RatePerSecond: HarnessSettings.Number("FAULTS_RATE", 100),
        Readers: HarnessSettings.Number("FAULTS_READERS", 20));
}
