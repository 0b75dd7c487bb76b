using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsPerSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_reader_preferences",
                table: "reader_preferences");

            migrationBuilder.DropIndex(
                name: "ix_notifications_unmailed",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_id_created_at_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_id_kind_subject_id",
                table: "notifications");

            migrationBuilder.AddColumn<string>(
                name: "site_id",
                table: "reader_preferences",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "site_id",
                table: "notifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddPrimaryKey(
                name: "pk_reader_preferences",
                table: "reader_preferences",
                columns: new[] { "site_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_site_id_user_id_created_at_id",
                table: "notifications",
                columns: new[] { "site_id", "user_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_site_id_user_id_kind_subject_id",
                table: "notifications",
                columns: new[] { "site_id", "user_id", "kind", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_unmailed",
                table: "notifications",
                columns: new[] { "site_id", "user_id", "created_at" },
                filter: "mailed_at is null and read_at is null");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_reader_preferences",
                table: "reader_preferences");

            migrationBuilder.DropIndex(
                name: "ix_notifications_site_id_user_id_created_at_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_site_id_user_id_kind_subject_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_unmailed",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "site_id",
                table: "reader_preferences");

            migrationBuilder.DropColumn(
                name: "site_id",
                table: "notifications");

            migrationBuilder.AddPrimaryKey(
                name: "pk_reader_preferences",
                table: "reader_preferences",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_unmailed",
                table: "notifications",
                columns: new[] { "user_id", "created_at" },
                filter: "mailed_at is null");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at_id",
                table: "notifications",
                columns: new[] { "user_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_kind_subject_id",
                table: "notifications",
                columns: new[] { "user_id", "kind", "subject_id" },
                unique: true);
        }
    }
}
