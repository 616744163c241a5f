using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResponsibleLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsibleLevel",
                table: "Cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ResponsibleLevel",
                table: "Cases");
        }
    }
}
