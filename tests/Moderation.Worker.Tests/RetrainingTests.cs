using System.Text.Json;
using Classifier.Tool;
using Comments.Moderation.Analysis;
using Comments.Moderation.Classification;
using Comments.Storage;
using Comments.Storage.Comments;
using Comments.Storage.Decisions;
using Comments.Storage.Moderation;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Comments.Moderation;
using Moderation.Worker.Learning;
using Npgsql;

namespace Moderation.Worker.Tests;

/// <summary>
/// Learning from decisions, on a database of its own (so promoted models never reach the other tests' workers):
/// a candidate is promoted only when it is not worse, and a running analyzer picks the promoted model up.
/// </summary>
public sealed class RetrainingTests : IAsyncLifetime
{
    private readonly string _database = $"retrain_{Guid.NewGuid():N}";
    private string _connectionString = "";
    private readonly string _folder = Directory.CreateTempSubdirectory("retrain").FullName;

    public async Task InitializeAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestServices.ConnectionString) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(TestServices.ConnectionString) { Database = _database }.ConnectionString;
        await using var db = CreateDb();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private CommentsDbContext CreateDb() =>
        new(new DbContextOptionsBuilder<CommentsDbContext>().UseCommentsDatabase(_connectionString).Options);

    private async Task<string> RetrainAsync()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Retraining.RunAsync(ClassifierKind.Spam, _connectionString, Path.Combine(TestServices.RepositoryRoot, "data"), output));
        return output.ToString();
    }

    [Fact]
    public async Task Retraining_promotes_a_better_model_keeps_a_worse_one_and_the_analyzer_picks_up_the_promotion()
    {
        await PromoteWeakSpamModelAsync();

        var first = await RetrainAsync();
        Assert.Contains("promoted spam-", first);
        string promoted;
        await using (var db = CreateDb())
        {
            promoted = await db.ClassifierModels.Where(m => m.Kind == "spam").OrderByDescending(m => m.PromotedAt).Select(m => m.Version).FirstAsync();
        }
        Assert.EndsWith("-retrained", promoted);

        await AddMisleadingDecisionsAsync(900);
        var second = await RetrainAsync();
        Assert.Contains("kept current", second);
        await using (var db = CreateDb())
        {
            Assert.Equal(2, await db.ClassifierModels.CountAsync(m => m.Kind == "spam"));
        }

        var analyzer = ContentAnalyzer.LoadShipped();
        await using var services = new ServiceCollection().AddCommentsDatabase(_connectionString).BuildServiceProvider();
        await new ModelRefresher(services.GetRequiredService<IServiceScopeFactory>(), analyzer, NullLogger<ModelRefresher>.Instance).RefreshAsync(CancellationToken.None);
        Assert.Equal(promoted, analyzer.SpamModel.Version);
    }

    [Fact]
    public async Task A_second_worker_does_not_retrain_while_another_holds_the_job()
    {
        await AddMisleadingDecisionsAsync(150);
        await using var services = new ServiceCollection().AddCommentsDatabase(_connectionString).AddContentModeration()
            .AddSingleton(TimeProvider.System).BuildServiceProvider();
        var scheduled = new ScheduledRetraining(services.GetRequiredService<IServiceScopeFactory>(), ContentAnalyzer.LoadShipped(),
            Options.Create(new RetrainingOptions()), TimeProvider.System, NullLogger<ScheduledRetraining>.Instance);
        await using (var db = CreateDb())
        {
            var retrainer = new Retrainer(db, TimeProvider.System);
            Assert.True(await retrainer.LastRunAsync(CancellationToken.None) is null && await retrainer.HumanDecisionsSinceAsync(null, CancellationToken.None) >= 100,
                "retraining should be due: never run, and at least the default 100 human decisions");
        }

        // Another worker's run in progress: it holds the job's session lock.
        await using var other = new NpgsqlConnection(_connectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({ScheduledRetraining.LockKey})", other))
        {
            await take.ExecuteScalarAsync();
        }

        Assert.Empty(await scheduled.RunIfDueAsync(CancellationToken.None));
        await using (var db = CreateDb())
        {
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == Retrainer.AuditAction));
            Assert.Equal(0, await db.ClassifierModels.CountAsync());
        }
    }

    /// <summary>A "current" model trained on 60 rows of the seed data: easy to beat.</summary>
    private async Task PromoteWeakSpamModelAsync()
    {
        var ml = new MLContext(1);
        var rows = LabelledCsv.Read(ml, Path.Combine(TestServices.RepositoryRoot, "data", "spam_youtube_train.csv")).Take(60).ToList();
        var csv = Path.Combine(_folder, "tiny.csv");
        await File.WriteAllLinesAsync(csv, ["text,label", .. rows.Select(r => $"\"{r.Text.Replace("\"", "\"\"")}\",{(r.Label ? 1 : 0)}")]);
        var (model, card, schema, _) = ClassifierTrainer.Train(ClassifierKind.Spam, csv);
        await using var db = CreateDb();
        db.ClassifierModels.Add(new ClassifierModelVersion
        {
            Version = "spam-weak", Kind = "spam", Model = ClassifierModel.ToBytes(model, schema, card.Seed),
            CardJson = JsonSerializer.Serialize(card with { Version = "spam-weak" }), PromotedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Moderators who approve the spam and reject the rest as SPAM: labels that make any model worse.</summary>
    private async Task AddMisleadingDecisionsAsync(int count)
    {
        var rows = LabelledCsv.Read(new MLContext(1), Path.Combine(TestServices.RepositoryRoot, "data", "spam_youtube_train.csv")).Take(count).ToList();
        await using var db = CreateDb();
        var now = DateTimeOffset.UtcNow;
        foreach (var row in rows)
        {
            var id = Guid.CreateVersion7();
            db.Comments.Add(new Comment { Id = id, ArticleId = "retrain", AuthorId = "r", AuthorName = "r", Body = row.Text, Status = CommentStatus.Approved, CreatedAt = now, UpdatedAt = now });
            db.Decisions.Add(new Decision
            {
                Id = Guid.CreateVersion7(), CommentId = id, Revision = 1, Actor = "moderator-x", DecidedAt = now,
                Outcome = row.Label ? DecisionOutcome.Approved : DecisionOutcome.Rejected, ReasonCodes = row.Label ? [] : ["SPAM"],
            });
        }
        await db.SaveChangesAsync();
    }
}
