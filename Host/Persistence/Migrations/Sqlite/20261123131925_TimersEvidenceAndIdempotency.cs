using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Episode",
                table: "SupervisionEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<bool>(
                name: "AtIntake",
                table: "Attachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "HandleWorkItemId",
                table: "Attachments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CacheStamps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheStamps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    BodyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TimerFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FirstFailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
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
