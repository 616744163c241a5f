using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Arbitrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "CatalogItems",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Arbitrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BasisKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CatalogItemCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CatalogItemVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Arbitrations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Arbitrations_CaseId",
                table: "Arbitrations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Arbitrations_DistrictCode_Status_OpenedAt",
                table: "Arbitrations",
                columns: new[] { "DistrictCode", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Arbitrations_WorkItemId",
                table: "Arbitrations",
                column: "WorkItemId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Arbitrations");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "CatalogItems");
        }
    }
}
