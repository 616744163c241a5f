using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TimersEvidenceAndIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisionEntries_WorkItemId_Level",
                table: "SupervisionEntries");

            migrationBuilder.AddColumn<int>(
                name: "SlaEpisode",
                table: "WorkItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Episode",
                table: "SupervisionEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Cases",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<bool>(
                name: "AtIntake",
                table: "Attachments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "HandleWorkItemId",
                table: "Attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CacheStamps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheStamps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimerFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FirstFailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimerFailures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_WorkItemId_Episode_Level",
                table: "SupervisionEntries",
                columns: new[] { "WorkItemId", "Episode", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyKeys_UserName_Key",
                table: "IdempotencyKeys",
                columns: new[] { "UserName", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimerFailures_WorkItemId_Level",
                table: "TimerFailures",
                columns: new[] { "WorkItemId", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CacheStamps");

            migrationBuilder.DropTable(
                name: "IdempotencyKeys");

            migrationBuilder.DropTable(
                name: "TimerFailures");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionEntries_WorkItemId_Episode_Level",
                table: "SupervisionEntries");

            migrationBuilder.DropColumn(
                name: "SlaEpisode",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "Episode",
                table: "SupervisionEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AtIntake",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "HandleWorkItemId",
                table: "Attachments");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_WorkItemId_Level",
                table: "SupervisionEntries",
                columns: new[] { "WorkItemId", "Level" },
                unique: true);
        }
    }
}
