using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "WorkItems",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "RemainingToDue",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "RemainingToWarn",
                table: "WorkItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedAt",
                table: "WorkItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CurrentDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ScopeOrgUnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_Sla",
                table: "WorkItems",
                columns: new[] { "Status", "Sla" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_Status",
                table: "ExtensionRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_WorkItemId_Status",
                table: "ExtensionRequests",
                columns: new[] { "WorkItemId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_Level_RaisedAt",
                table: "SupervisionEntries",
                columns: new[] { "Level", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_WorkItemId_Level",
                table: "SupervisionEntries",
                columns: new[] { "WorkItemId", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "SupervisionEntries");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_Sla",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "RemainingToDue",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "RemainingToWarn",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "WorkItems");
        }
    }
}
