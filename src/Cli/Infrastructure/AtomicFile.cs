using System;
using System.IO;
using System.Text;

namespace LazyMigrate.Cli.Infrastructure;

/// <summary>
/// Writes a file so that readers see either the old or the new content, never a half-written file:
/// the text goes to a temporary file in the same folder (same file system), then replaces the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text, Encoding encoding)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            File.WriteAllText(temp, text, encoding);
            if (File.Exists(path))
            {
                // Keep the original's permissions (e.g. an executable script stays executable).
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }

            throw;
        }
    }
}
