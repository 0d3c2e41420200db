using System;
using ImageMagick;
using Microsoft.Data.Sqlite;
using Microsoft.ML.OnnxRuntime;

// A typo'd heavy-assembly marker: LZM0007 (no fix: only the author knows the right name).
[assembly: LazyMigrate.HeavyAssembly("Magick.NET.Core.Typo")]

namespace LazyMigrate
{
    /// <summary>The analyzers match this attribute by name, so a project without the runtime can mark heavy assemblies.</summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    internal sealed class HeavyAssemblyAttribute : Attribute
    {
        public HeavyAssemblyAttribute(string assemblyName) => AssemblyName = assemblyName;

        public string AssemblyName { get; }
    }
}

namespace Consumer
{
    /// <summary>The ready signal (lazymigrate.ready_methods in .editorconfig): what follows its call is not startup.</summary>
    internal static class Signals
    {
        public static void Ready() => Console.WriteLine("ready");
    }

    /// <summary>Heavy things used by the forms of LZM0004, LZM0006 and LZM0008 in Program.cs.</summary>
    internal static class Tools
    {
        internal static readonly Lazy<SqliteConnection> Connection = new(() => new SqliteConnection("Data Source=:memory:"));

        /// <summary>Called from Main: the constructor reached from it does heavy work (LZM0008).</summary>
        public static ModelCache Prepare() => new ModelCache();

        public static void Show(MagickImage image) => Console.WriteLine("resolved: " + image.Width + "x" + image.Height);

        public static string ConnectionState => Connection.Value.State.ToString();
    }

    /// <summary>Its constructor builds heavy state; startup reaches it through Tools.Prepare (LZM0008).</summary>
    internal sealed class ModelCache
    {
        private readonly SessionOptions _options;

        public ModelCache()
        {
            _options = new SessionOptions { LogId = "cache" };
        }

        public string LogId => _options.LogId;
    }
}
