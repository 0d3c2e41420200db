using Microsoft.Data.Sqlite;
using Microsoft.ML.OnnxRuntime;

namespace Consumer;

/// <summary>Statics touched at startup: the cheap one must not pay for the heavy ones.</summary>
public static class Models
{
    public static readonly SessionOptions Options = new SessionOptions { LogId = "models" };

    #region Databases
    public static readonly SqliteConnection Primary = new("Data Source=:memory:"), Secondary = new SqliteConnection("Data Source=:memory:");
    #endregion

    public static int Cheap = 42;
}
