using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// A rewrite counts only when some text changes. Roslyn compares documents by identity, so a
/// solution whose roots were merely re-created (tracked nodes, an edit that was undone, a refused
/// step) would still read as "changed": the IDE would offer a quick fix that does nothing and
/// <c>dotnet format --verify-no-changes</c> would report the file as formatted.
/// </summary>
internal static class TextChanges
{
    /// <summary>True when the two documents' texts differ.</summary>
    public static async Task<bool> DifferAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldText = await before.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var newText = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return !oldText.ContentEquals(newText);
    }

    /// <summary>
    /// <paramref name="original"/> with exactly the text edits, added and removed documents of
    /// <paramref name="changed"/>; null when there are none. Documents whose text came out the same
    /// stay the original objects, so they do not show up as changed.
    /// </summary>
    public static async Task<Solution?> KeepTextChangesAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var result = original;
        var any = false;
        foreach (var project in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in project.GetChangedDocuments())
            {
                var before = original.GetDocument(id)!;
                var after = changed.GetDocument(id)!;
                if (await DifferAsync(before, after, cancellationToken).ConfigureAwait(false))
                {
                    result = result.WithDocumentText(id, await after.GetTextAsync(cancellationToken).ConfigureAwait(false));
                    any = true;
                }
            }

            foreach (var id in project.GetAddedDocuments())
            {
                var added = changed.GetDocument(id)!;
                var text = await added.GetTextAsync(cancellationToken).ConfigureAwait(false);
                result = result.AddDocument(id, added.Name, text, added.Folders, added.FilePath);
                any = true;
            }

            foreach (var id in project.GetRemovedDocuments())
            {
                result = result.RemoveDocument(id);
                any = true;
            }
        }

        return any ? result : null;
    }
}
