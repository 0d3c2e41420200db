using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OuterFixApp;

/// <summary>
/// Creates a notes context over a new in-memory database, created and filled on the way. The work is in a helper
/// so that the heavy assemblies load in the factory's frames, where only LZM0008 (no fix) explains them.
/// </summary>
public static class NotesDbFactory
{
    public static NotesDb Create()
    {
        var db = OpenSeeded();
        return db;
    }

    private static NotesDb OpenSeeded()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var db = new NotesDb(new DbContextOptionsBuilder<NotesDb>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        db.Notes.AddRange(new Note { Text = "water the plants" }, new Note { Text = "call the bank" });
        db.SaveChanges();
        return db;
    }
}
