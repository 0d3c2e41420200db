using Microsoft.EntityFrameworkCore;

namespace ModelApi.Data;

/// <summary>The API's database: the model cards.</summary>
public sealed class ModelDb : DbContext
{
    public ModelDb(DbContextOptions<ModelDb> options)
        : base(options)
    {
    }

    public DbSet<ModelCard> Models => Set<ModelCard>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModelCard>(card =>
        {
            card.ToTable("Models");
            card.Property(c => c.Name).HasMaxLength(64);
            card.Property(c => c.Version).HasMaxLength(16);
        });
    }
}
