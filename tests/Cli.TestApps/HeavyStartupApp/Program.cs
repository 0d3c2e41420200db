using System;
using ImageMagick;
using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML.OnnxRuntime;

namespace HeavyStartupApp;

/// <summary>Does eager heavy work at startup (what the profiler must see), then prints READY.</summary>
internal static class Program
{
    private static int Main()
    {
        // EF Core with SQLite: building the model and opening the database loads EF Core and e_sqlite3.
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var db = new NotesContext(connection);
            db.Database.EnsureCreated();
            db.Notes.Add(new Note { Text = "hello" });
            db.SaveChanges();
            Console.WriteLine("notes: " + db.Notes.Count());
        }

        // ONNX Runtime: session options initialise the native runtime.
        using (var options = new SessionOptions())
        {
            Console.WriteLine("onnxruntime options ready: " + (options.GraphOptimizationLevel != GraphOptimizationLevel.ORT_DISABLE_ALL));
        }

        // Magick.NET: querying formats loads Magick.Native.
        Console.WriteLine("magick formats: " + (MagickNET.SupportedFormats.Count > 0));

        Console.WriteLine("READY");
        return 0;
    }
}

/// <summary>A one-table EF Core model.</summary>
internal sealed class NotesContext : DbContext
{
    private readonly SqliteConnection _connection;

    public NotesContext(SqliteConnection connection) => _connection = connection;

    public DbSet<Note> Notes => Set<Note>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite(_connection);
}

/// <summary>A row.</summary>
internal sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = string.Empty;
}
