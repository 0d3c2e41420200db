using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Cli.Fixing;

/// <summary>Turns the difference between two solution snapshots into the files to write.</summary>
public static class ChangeCollector
{
    /// <summary>The changed and added documents that live on disk, one entry per file path.</summary>
    public static async Task<IReadOnlyList<ChangedFile>> CollectAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, ChangedFile>(StringComparer.Ordinal);
        foreach (var projectChanges in after.GetChanges(before).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(projectChanges.GetAddedDocuments()))
            {
                var document = after.GetDocument(id);
                if (document is null)
                {
                    continue;
                }

                var path = document.FilePath ?? (projectChanges.NewProject.FilePath is { } projectPath ? Path.Combine(Path.GetDirectoryName(projectPath)!, document.Name) : null);
                if (path is null || files.ContainsKey(path))
                {
                    continue;
                }

                var newText = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                var oldDocument = before.GetDocument(id);
                var oldText = oldDocument is null ? null : (await oldDocument.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                if (oldText == newText)
                {
                    continue;
                }

                files[path] = new ChangedFile(path, oldText, newText, EncodingOf(path));
            }
        }

        return files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>UTF-8, with a byte-order mark only when the existing file has one.</summary>
    private static Encoding EncodingOf(string path)
    {
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            var bom = new byte[3];
            if (stream.Read(bom, 0, 3) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
