using Comments.Contracts;
using MassTransit;

namespace Moderation.Worker.Notifications;

/// <summary>The bus's side of <see cref="ReaderNotifications"/>: decisions and editors' picks, on the <c>notify-readers</c> queue.</summary>
public sealed class ReaderNotificationConsumer(ReaderNotifications notifications) : IConsumer<CommentsModerated>, IConsumer<CommentFeatured>
{
    public Task Consume(ConsumeContext<CommentsModerated> context) => notifications.ModeratedAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<CommentFeatured> context) => notifications.FeaturedAsync(context.Message, context.CancellationToken);
}
