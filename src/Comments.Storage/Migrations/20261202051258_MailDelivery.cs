using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comments.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MailDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "outgoing_mail",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "delivery",
                table: "outgoing_mail",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "pending");

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "outgoing_mail",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                table: "outgoing_mail",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sent_at",
                table: "outgoing_mail",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unsubscribe_url",
                table: "outgoing_mail",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mail_next_attempt_at_created_at",
                table: "outgoing_mail",
                columns: new[] { "next_attempt_at", "created_at" },
                filter: "delivery = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outgoing_mail_next_attempt_at_created_at",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "delivery",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "sent_at",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "unsubscribe_url",
                table: "outgoing_mail");
        }
    }
}
