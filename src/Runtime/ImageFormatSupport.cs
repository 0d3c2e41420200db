using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace LazyMigrate;

/// <summary>
/// Which image formats (JPEG XL, AVIF, WebP, HEIC, …) the app's installed image libraries can read
/// and write, asked by format name, so code can choose a format (JPEG XL, else AVIF) without calling
/// an image library's API itself.
/// </summary>
/// <remarks>
/// The runtime does not reference any image library. On the first question it asks, by reflection,
/// each library the app contains per <see cref="PackageProbe"/>: Magick.NET
/// (<c>ImageMagick.MagickNET.SupportedFormats</c>) and SixLabors.ImageSharp (its configured
/// decoders and encoders). Nothing image-related loads before that first question; the answers are
/// built once and cached for the life of the process.
/// </remarks>
public static class ImageFormatSupport
{
    private static readonly object s_gate = new();
    private static Dictionary<string, ImageFormatInfo>? s_table;
    private static string[] s_libraries = Array.Empty<string>();

    /// <summary>True when an installed image library can decode <paramref name="format"/>.</summary>
    /// <param name="format">Format name or file extension, case-insensitive: <c>"jxl"</c>, <c>".avif"</c>, <c>"webp"</c>, <c>"heic"</c>, <c>"jpg"</c>.</param>
    /// <returns>Whether reading is supported.</returns>
    public static bool CanRead(string format) => GetSupport(format).CanRead;

    /// <summary>True when an installed image library can encode <paramref name="format"/>.</summary>
    /// <param name="format">Format name or file extension, case-insensitive.</param>
    /// <returns>Whether writing is supported.</returns>
    public static bool CanWrite(string format) => GetSupport(format).CanWrite;

    /// <summary>What the installed libraries can do with <paramref name="format"/>.</summary>
    /// <param name="format">Format name or file extension, case-insensitive.</param>
    /// <returns>The answer (never null; unsupported formats answer false for both).</returns>
    public static ImageFormatInfo GetSupport(string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        var key = Normalize(format);
        return Table().TryGetValue(key, out var info) ? info : new ImageFormatInfo(key, false, false, Array.Empty<string>(), Array.Empty<string>());
    }

    /// <summary>The image libraries consulted (e.g. <c>Magick.NET-Q8-x64</c>); asking this builds the table.</summary>
    public static IReadOnlyList<string> Libraries
    {
        get
        {
            Table();
            return s_libraries;
        }
    }

    /// <summary>Every format some installed library supports, by normalized name.</summary>
    public static IReadOnlyCollection<ImageFormatInfo> Formats => Table().Values;

    private static Dictionary<string, ImageFormatInfo> Table()
    {
        var table = Volatile.Read(ref s_table);
        if (table is not null)
        {
            return table;
        }

        lock (s_gate)
        {
            if (s_table is null)
            {
                var builder = new TableBuilder();
                var libraries = new List<string>();
                if (AskMagick(builder, out var magick))
                {
                    libraries.Add(magick);
                }

                if (AskImageSharp(builder))
                {
                    libraries.Add("SixLabors.ImageSharp");
                }

                s_libraries = libraries.ToArray();
                Volatile.Write(ref s_table, builder.Build());
            }

            return s_table!;
        }
    }

    /// <summary>Lower case, no dot, common aliases folded (jpg → jpeg, jpegxl → jxl, heif → heic, tif → tiff).</summary>
    internal static string Normalize(string format)
    {
        var key = format.Trim().TrimStart('.').ToLowerInvariant();
        return key switch
        {
            "jpg" or "jpe" or "jfif" => "jpeg",
            "jpegxl" or "jpeg-xl" or "jpeg_xl" => "jxl",
            "heif" => "heic",
            "tif" => "tiff",
            _ => key,
        };
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Optional image libraries are probed by reflection; absent members mean 'not supported'.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Optional image libraries are probed by reflection; absent members mean 'not supported'.")]
    private static bool AskMagick(TableBuilder builder, out string library)
    {
        library = string.Empty;

        // Magick.NET-Q8-x64, Magick.NET-Q16-AnyCPU, …: the assembly holding ImageMagick.MagickNET.
        var candidates = PackageProbe.GetPresentAssemblies("Magick.NET-*");
        foreach (var name in candidates)
        {
            Type? type;
            try
            {
                type = Assembly.Load(new AssemblyName(name)).GetType("ImageMagick.MagickNET", throwOnError: false);
            }
            catch (Exception ex) when (ex is System.IO.IOException or BadImageFormatException)
            {
                continue;
            }

            var formats = type?.GetProperty("SupportedFormats", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable;
            if (formats is null)
            {
                continue;
            }

            foreach (var info in formats)
            {
                var infoType = info.GetType();
                var format = infoType.GetProperty("Format")?.GetValue(info)?.ToString();
                if (format is null)
                {
                    continue;
                }

                var read = infoType.GetProperty("SupportsReading")?.GetValue(info) as bool? ?? false;
                var write = infoType.GetProperty("SupportsWriting")?.GetValue(info) as bool? ?? false;
                builder.Add(format, read, write, name);
            }

            library = name;
            return true;
        }

        return false;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Optional image libraries are probed by reflection.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Optional image libraries are probed by reflection.")]
    private static bool AskImageSharp(TableBuilder builder)
    {
        if (!PackageProbe.IsAssemblyPresent("SixLabors.ImageSharp"))
        {
            return false;
        }

        var configurationType = Assembly.Load(new AssemblyName("SixLabors.ImageSharp")).GetType("SixLabors.ImageSharp.Configuration", throwOnError: false);
        var configuration = configurationType?.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        var manager = configurationType?.GetProperty("ImageFormatsManager")?.GetValue(configuration);
        var formats = configurationType?.GetProperty("ImageFormats")?.GetValue(configuration) as IEnumerable;
        if (manager is null || formats is null)
        {
            return false;
        }

        var managerType = manager.GetType();
        foreach (var format in formats)
        {
            var formatType = format.GetType();
            var findDecoder = managerType.GetMethods().FirstOrDefault(m => m.Name == "FindDecoder" && m.GetParameters().Length == 1);
            var findEncoder = managerType.GetMethods().FirstOrDefault(m => m.Name == "FindEncoder" && m.GetParameters().Length == 1);
            var read = findDecoder?.Invoke(manager, new[] { format }) is not null;
            var write = findEncoder?.Invoke(manager, new[] { format }) is not null;
            if (formatType.GetProperty("Name")?.GetValue(format) is string name)
            {
                builder.Add(name, read, write, "SixLabors.ImageSharp");
            }

            if (formatType.GetProperty("FileExtensions")?.GetValue(format) is IEnumerable<string> extensions)
            {
                foreach (var extension in extensions)
                {
                    builder.Add(extension, read, write, "SixLabors.ImageSharp");
                }
            }
        }

        return true;
    }

    private sealed class TableBuilder
    {
        private readonly Dictionary<string, (bool Read, bool Write, List<string> Readers, List<string> Writers)> _entries = new(StringComparer.Ordinal);

        public void Add(string format, bool read, bool write, string library)
        {
            var key = Normalize(format);
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = (false, false, new List<string>(), new List<string>());
            }

            if (read && !entry.Readers.Contains(library))
            {
                entry.Readers.Add(library);
            }

            if (write && !entry.Writers.Contains(library))
            {
                entry.Writers.Add(library);
            }

            _entries[key] = (entry.Read || read, entry.Write || write, entry.Readers, entry.Writers);
        }

        public Dictionary<string, ImageFormatInfo> Build()
        {
            var table = new Dictionary<string, ImageFormatInfo>(StringComparer.Ordinal);
            foreach (var (key, entry) in _entries)
            {
                table[key] = new ImageFormatInfo(key, entry.Read, entry.Write, entry.Readers.ToArray(), entry.Writers.ToArray());
            }

            return table;
        }
    }
}

/// <summary>What the installed image libraries can do with one format.</summary>
public sealed class ImageFormatInfo
{
    /// <summary>Creates the record.</summary>
    /// <param name="format">Normalized format name (lower case; aliases folded).</param>
    /// <param name="canRead">Some library can decode it.</param>
    /// <param name="canWrite">Some library can encode it.</param>
    /// <param name="readers">Libraries that decode it.</param>
    /// <param name="writers">Libraries that encode it.</param>
    public ImageFormatInfo(string format, bool canRead, bool canWrite, IReadOnlyList<string> readers, IReadOnlyList<string> writers)
    {
        Format = format;
        CanRead = canRead;
        CanWrite = canWrite;
        Readers = readers;
        Writers = writers;
    }

    /// <summary>Normalized format name (lower case; jpg → jpeg, jpegxl → jxl, heif → heic, tif → tiff).</summary>
    public string Format { get; }

    /// <summary>Some installed library can decode the format.</summary>
    public bool CanRead { get; }

    /// <summary>Some installed library can encode the format.</summary>
    public bool CanWrite { get; }

    /// <summary>Libraries that decode the format.</summary>
    public IReadOnlyList<string> Readers { get; }

    /// <summary>Libraries that encode the format.</summary>
    public IReadOnlyList<string> Writers { get; }
}
