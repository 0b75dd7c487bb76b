using Comments.Storage;

namespace Moderation.Worker;

/// <summary>
/// The moderation worker. <c>dotnet Moderation.Worker.dll migrate</c> applies the database migrations and exits;
/// without arguments it consumes comments until stopped.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddModerationServices();
        using var host = builder.Build();

        if (args.Contains("migrate"))
        {
            await host.Services.MigrateDatabaseAsync();
            return 0;
        }

        await host.RunAsync();
        return Environment.ExitCode; // 75 when the broker watch asks to be started again
    }
}
