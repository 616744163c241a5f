using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionEntries");

            migrationBuilder.CreateTable(
                name: "SupervisionList",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResponsibleOrgUnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TriggerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OpenSlot = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionList", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionList_CaseId_Kind_OpenSlot",
                table: "SupervisionList",
                columns: new[] { "CaseId", "Kind", "OpenSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionList_OpenSlot_Severity_CreatedAt",
                table: "SupervisionList",
                columns: new[] { "OpenSlot", "Severity", "CreatedAt" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionList_Status_Severity_CreatedAt",
                table: "SupervisionList",
                columns: new[] { "Status", "Severity", "CreatedAt" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionList");

            migrationBuilder.CreateTable(
                name: "SupervisionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Episode = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScopeOrgUnitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_Level_RaisedAt",
                table: "SupervisionEntries",
                columns: new[] { "Level", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEntries_WorkItemId_Episode_Level",
                table: "SupervisionEntries",
                columns: new[] { "WorkItemId", "Episode", "Level" },
                unique: true);
        }
    }
}
