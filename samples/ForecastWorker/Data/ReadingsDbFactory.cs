using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForecastWorker.Data;

/// <summary>
/// Creates contexts over the one readings database of the process, opened, created and filled by the static
/// initializer, that is on the first call of <see cref="Create"/>.
/// </summary>
public static class ReadingsDbFactory
{
    public static readonly string[] Stations = { "north", "harbour", "airport" };

    private static readonly SqliteConnection Connection = OpenSeeded();

    public static ReadingsDb Create() => new(new DbContextOptionsBuilder<ReadingsDb>().UseSqlite(Connection).Options);

    private static SqliteConnection OpenSeeded()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new ReadingsDb(new DbContextOptionsBuilder<ReadingsDb>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        db.Readings.AddRange(Seed());
        db.SaveChanges();
        return connection;
    }

    // Two weeks of readings per station.
    private static IEnumerable<Reading> Seed()
    {
        for (var s = 0; s < Stations.Length; s++)
        {
            for (var day = 1; day <= 14; day++)
            {
                yield return new Reading { Station = Stations[s], Day = day, Celsius = (day * 7 + s * 11) % 25 - 4 };
            }
        }
    }
}
