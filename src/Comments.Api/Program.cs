using Comments.Api;
using Comments.Api.Comments;
using Comments.Api.Contract;
using Comments.Api.Health;
using Comments.Api.Ignoring;
using Comments.Api.MyComments;
using Comments.Api.Language;
using Comments.Api.Legal;
using Comments.Api.Live;
using Comments.Api.Moderation;
using Comments.Api.Notifications;
using Comments.Api.Operations;
using Comments.Api.Pages;
using Comments.Api.Privacy;
using Comments.Api.Reactions;
using Comments.Api.Reports;
using Comments.Api.Statements;
using Comments.Api.Support;
using Comments.Api.Transparency;

var builder = WebApplication.CreateBuilder(args);
// In any environment, a build output serves the pages from the project through the static web assets manifest
// (ASP.NET Core does that only in Development); a published app has no manifest and serves its wwwroot folder.
builder.WebHost.UseStaticWebAssets();
builder.AddApiServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseCors(EmbedCors.PolicyName);
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapHealthEndpoints();
app.MapCommentsApi();
app.MapLiveApi();
app.MapReportsApi();
app.MapLegalApi();
app.MapReactionsApi();
app.MapMyCommentsApi();
app.MapStatementsApi();
app.MapIgnoreApi();
app.MapModerationApi();
app.MapHelpRequestsApi();
app.MapSupportApi();
app.MapNotificationsApi();
app.MapPreferencesApi();
app.MapUnsubscribeApi();
app.MapPrivacyApi();
app.MapTextsApi();
app.MapOperationsApi();
app.MapTransparencyApi();
app.MapWebPages();
app.MapContract();

app.Run();

/// <summary>Visible to the tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
