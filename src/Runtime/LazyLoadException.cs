using System;
using System.Text;

namespace LazyMigrate;

/// <summary>
/// A heavy package or a lazy value could not be loaded. The message names the package, the
/// assembly, native library or step that failed, where the proxy was declared and where it was
/// first used; <see cref="Exception.InnerException"/> holds the original failure.
/// </summary>
public sealed class LazyLoadException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public LazyLoadException()
        : this("A lazy package could not be loaded.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">The message.</param>
    public LazyLoadException(string message)
        : base(message)
    {
        PackageName = string.Empty;
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The original failure.</param>
    public LazyLoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
        PackageName = string.Empty;
    }

    /// <summary>Creates an exception whose message is composed from its parts.</summary>
    /// <param name="packageName">The package that failed (or the lazy value's description when it has no package).</param>
    /// <param name="failedComponent">The assembly, native library or step that failed (e.g. <c>native library 'OpenCvSharpExtern'</c>).</param>
    /// <param name="declarationSite">Where the proxy was declared (<c>file:line (member)</c>).</param>
    /// <param name="firstUseSite">Where the proxy was first used.</param>
    /// <param name="innerException">The original failure.</param>
    public LazyLoadException(string packageName, string? failedComponent, string? declarationSite, string? firstUseSite, Exception? innerException)
        : base(Compose(packageName, failedComponent, declarationSite, firstUseSite, innerException), innerException)
    {
        PackageName = packageName;
        FailedComponent = failedComponent;
        DeclarationSite = declarationSite;
        FirstUseSite = firstUseSite;
    }

    /// <summary>The package that failed to load.</summary>
    public string PackageName { get; }

    /// <summary>The assembly or native library (or step: factory, warm-up) that failed.</summary>
    public string? FailedComponent { get; }

    /// <summary>Where the proxy (lazy value or package registration) was declared: <c>file:line (member)</c>.</summary>
    public string? DeclarationSite { get; }

    /// <summary>Where the proxy was first used (the first user frame of the first access), or "background".</summary>
    public string? FirstUseSite { get; }

    private static string Compose(string packageName, string? failedComponent, string? declarationSite, string? firstUseSite, Exception? inner)
    {
        var text = new StringBuilder();
        text.Append("Lazy package '").Append(packageName).Append("' could not be loaded");
        if (failedComponent is not null)
        {
            text.Append(": ").Append(failedComponent).Append(" failed");
        }

        text.Append(". Declared at ").Append(declarationSite ?? "(unknown)");
        text.Append("; first used at ").Append(firstUseSite ?? "(unknown)").Append('.');
        if (inner is not null)
        {
            text.Append(" Cause: ").Append(inner.GetType().Name).Append(": ").Append(inner.Message);
        }

        return text.ToString();
    }
}
