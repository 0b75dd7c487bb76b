using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Users;

public sealed class UserStandingConfiguration : IEntityTypeConfiguration<UserStanding>
{
    public void Configure(EntityTypeBuilder<UserStanding> standing)
    {
        standing.ToTable("user_standings");
        standing.HasKey(s => s.UserId);
        standing.Property(s => s.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        standing.Property(s => s.Status).HasConversion<WireNameConverter<UserStatus>>().HasMaxLength(16);
        standing.Property(s => s.Reason).HasMaxLength(500);
    }
}
