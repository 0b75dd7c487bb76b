using System.Globalization;
using Comments.Moderation.Classification;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;

namespace Classifier.Tool;

/// <summary><c>classifier.sh retrain</c>: one <see cref="Retrainer"/> run now, against the database named in the environment.</summary>
public static class Retraining
{
    public static async Task<int> RunAsync(ClassifierKind kind, string connectionString, string dataDir, TextWriter output)
    {
        var options = new DbContextOptionsBuilder<CommentsDbContext>();
        options.UseCommentsDatabase(connectionString);
        await using var db = new CommentsDbContext(options.Options);
        var outcome = await new Retrainer(db, TimeProvider.System).RunAsync(kind, dataDir, CancellationToken.None);
        output.WriteLine($"current   {outcome.CurrentVersion}: {outcome.Current}");
        output.WriteLine($"candidate {outcome.CandidateVersion}: {outcome.Candidate} ({outcome.Decisions} moderator decisions)");
        output.WriteLine(outcome.Promoted
            ? $"promoted {outcome.CandidateVersion}"
            : string.Create(CultureInfo.InvariantCulture, $"kept current: the candidate's ROC-AUC {outcome.Candidate.RocAuc:F4} is more than {Retrainer.Tolerance} below {outcome.Current.RocAuc:F4}"));
        return 0;
    }
}
