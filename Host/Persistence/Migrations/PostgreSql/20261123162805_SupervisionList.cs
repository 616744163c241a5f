using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Severity = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResponsibleOrgUnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GridCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TriggerCount = table.Column<int>(type: "integer", nullable: false),
                    UrgeCount = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OpenSlot = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Episode = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScopeOrgUnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: false)
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
