using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ModelApi.Data.Migrations
{
    /// <summary>The model-card table and the cards the API ships with.</summary>
    public partial class InitialModels : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Models",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Models",
                columns: new[] { "Id", "Name", "Threshold", "Version" },
                values: new object[,]
                {
                    { 1, "square", 0.5, "2026.12" },
                    { 2, "square-strict", 0.8, "2026.12" },
                    { 3, "square-legacy", 0.25, "2025.03" },
                });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "Models");
        }
    }
}
