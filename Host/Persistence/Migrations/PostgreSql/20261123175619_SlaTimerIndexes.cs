using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SlaTimerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_Sla_DueAt",
                table: "WorkItems",
                columns: new[] { "Status", "Sla", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_Sla_WarnAt",
                table: "WorkItems",
                columns: new[] { "Status", "Sla", "WarnAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_Sla_DueAt",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_Sla_WarnAt",
                table: "WorkItems");
        }
    }
}
