using Microsoft.EntityFrameworkCore;

namespace OuterFixApp;

public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = string.Empty;
}

public sealed class NotesDb : DbContext
{
    public NotesDb(DbContextOptions<NotesDb> options)
        : base(options)
    {
    }

    public DbSet<Note> Notes => Set<Note>();
}
