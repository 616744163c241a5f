using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_Role_ScopeOrgUnitCode",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_CompletedBy_Status_CompletedAt_Id",
                table: "WorkItems",
                columns: new[] { "CompletedBy", "Status", "CompletedAt", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_AssignedUser_DueAt_Id",
                table: "WorkItems",
                columns: new[] { "Status", "AssignedUser", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_Role_ScopeOrgUnitCode_AssignedUser_DueAt_Id",
                table: "WorkItems",
                columns: new[] { "Status", "Role", "ScopeOrgUnitCode", "AssignedUser", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityCode_ReportedAt_Number",
                table: "Cases",
                columns: new[] { "CommunityCode", "ReportedAt", "Number" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DistrictCode_ReportedAt_Number",
                table: "Cases",
                columns: new[] { "DistrictCode", "ReportedAt", "Number" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_GridCode_ReportedAt_Number",
                table: "Cases",
                columns: new[] { "GridCode", "ReportedAt", "Number" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubdistrictCode_ReportedAt_Number",
                table: "Cases",
                columns: new[] { "SubdistrictCode", "ReportedAt", "Number" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_CompletedBy_Status_CompletedAt_Id",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_AssignedUser_DueAt_Id",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_Status_Role_ScopeOrgUnitCode_AssignedUser_DueAt_Id",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityCode_ReportedAt_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DistrictCode_ReportedAt_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_GridCode_ReportedAt_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SubdistrictCode_ReportedAt_Number",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Status_Role_ScopeOrgUnitCode",
                table: "WorkItems",
                columns: new[] { "Status", "Role", "ScopeOrgUnitCode" });
        }
    }
}
