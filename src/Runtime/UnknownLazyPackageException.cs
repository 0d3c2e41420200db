using System;
using System.Collections.Generic;
using System.Text;

namespace LazyMigrate;

/// <summary>
/// A lazy value names a package that is neither registered, nor in the built-in catalog, nor an
/// assembly of the app (usually a misspelling). Thrown at the value's first access instead of building it as if the name were
/// right; the message suggests the closest known names. Registering the name (or fixing it) and
/// then retrying after the retry delay or <c>Reset()</c> resolves it.
/// </summary>
public sealed class UnknownLazyPackageException : LazyLoadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="packageName">The name the value gave.</param>
    /// <param name="suggestions">The closest known names, best first (may be empty).</param>
    /// <param name="declarationSite">Where the value was declared.</param>
    /// <param name="firstUseSite">Where the value was first used.</param>
    public UnknownLazyPackageException(string packageName, IReadOnlyList<string> suggestions, string? declarationSite, string? firstUseSite)
        : base(Compose(packageName, suggestions, declarationSite, firstUseSite), packageName, failedComponent: null, declarationSite, firstUseSite, isFactoryFailure: false, innerException: null)
    {
        Suggestions = suggestions ?? Array.Empty<string>();
    }

    /// <summary>The closest registered or catalog names, best first; empty when none is close.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    private static string Compose(string packageName, IReadOnlyList<string> suggestions, string? declarationSite, string? firstUseSite)
    {
        var text = new StringBuilder();
        text.Append("No lazy package named '").Append(packageName).Append("' is registered or in the built-in catalog");
        if (suggestions is { Count: > 0 })
        {
            text.Append(" (did you mean ");
            for (var i = 0; i < suggestions.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : i == suggestions.Count - 1 ? " or " : ", ").Append('\'').Append(suggestions[i]).Append('\'');
            }

            text.Append("?)");
        }
        else
        {
            text.Append("; register it first with LazyPackageRegistry.Default.Register(\"").Append(packageName).Append("\", …)");
        }

        AppendSites(text, declarationSite, firstUseSite, inner: null);
        return text.ToString();
    }
}
