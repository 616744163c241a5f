using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.SqlServer
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
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "RemainingToDue",
                table: "WorkItems",
                type: "time",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "RemainingToWarn",
                table: "WorkItems",
                type: "time",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "WorkItems",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CurrentDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecisionComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ScopeOrgUnitCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
