using Intake.Skeleton;

// A skeleton of the system's intake built from the raw parts, measured beside the system by scripts/bench.sh: the same
// route, token and JSON rules; a persistent message confirmed by RabbitMQ before the 202; a consumer that stores
// batches of comment and decision rows with Npgsql and acknowledges them after the commit. Nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.AddSkeletonServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapSkeletonIntake();
app.Run();
