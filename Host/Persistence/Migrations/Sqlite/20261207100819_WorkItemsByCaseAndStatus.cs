using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkItemsByCaseAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_CaseId",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_CaseId_Status",
                table: "WorkItems",
                columns: new[] { "CaseId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_CaseId_Status",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_CaseId",
                table: "WorkItems",
                column: "CaseId");
        }
    }
}
