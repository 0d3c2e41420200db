using System;
using System.Text;

namespace LazyMigrate;

/// <summary>
/// A heavy package could not be loaded, or a lazy value could not be built. The message names the
/// package, the assembly, native library or step that failed, where the proxy was declared and where
/// it was first used; <see cref="Exception.InnerException"/> holds the original failure.
/// <see cref="IsFactoryFailure"/> tells a value's own failure (its factory threw) from its package's.
/// </summary>
/// <remarks>A lazy value naming a package that is neither registered nor in the catalog throws the
/// derived <see cref="UnknownLazyPackageException"/>.</remarks>
public class LazyLoadException : Exception
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

    /// <summary>Creates an exception with a composed message and its parts (for derived exceptions and value failures).</summary>
    private protected LazyLoadException(string message, string packageName, string? failedComponent, string? declarationSite, string? firstUseSite, bool isFactoryFailure, Exception? innerException)
        : base(message, innerException)
    {
        PackageName = packageName;
        FailedComponent = failedComponent;
        DeclarationSite = declarationSite;
        FirstUseSite = firstUseSite;
        IsFactoryFailure = isFactoryFailure;
    }

    /// <summary>The package that failed to load, or the package of the value that failed; empty for a value bound to no package.</summary>
    public string PackageName { get; }

    /// <summary>
    /// True when a lazy value's factory threw: its package (if any) loaded, the value itself failed.
    /// False when the package failed, so the factory did not run.
    /// </summary>
    public bool IsFactoryFailure { get; }

    /// <summary>The assembly or native library (or step: factory, warm-up) that failed.</summary>
    public string? FailedComponent { get; }

    /// <summary>Where the proxy (lazy value or package registration) was declared: <c>file:line (member)</c>.</summary>
    public string? DeclarationSite { get; }

    /// <summary>Where the proxy was first used (the first user frame of the first access), or "background".</summary>
    public string? FirstUseSite { get; }

    /// <summary>A value's factory failed: the package (if any) loaded, the value did not build.</summary>
    internal static LazyLoadException ForFactory(string? packageName, string failedComponent, string? declarationSite, string? firstUseSite, Exception innerException)
    {
        var text = new StringBuilder("Lazy value");
        if (!string.IsNullOrEmpty(packageName))
        {
            text.Append(" of package '").Append(packageName).Append('\'');
        }

        text.Append(" could not be built: ");
        text.Append(failedComponent == "factory" ? "its factory failed" : failedComponent + " failed in its factory");
        if (!string.IsNullOrEmpty(packageName))
        {
            text.Append(" (the package itself loaded)");
        }

        AppendSites(text, declarationSite, firstUseSite, innerException);
        return new LazyLoadException(text.ToString(), packageName ?? string.Empty, failedComponent, declarationSite, firstUseSite, isFactoryFailure: true, innerException);
    }

    private protected static void AppendSites(StringBuilder text, string? declarationSite, string? firstUseSite, Exception? inner)
    {
        text.Append(". Declared at ").Append(declarationSite ?? "(unknown)");
        text.Append("; first used at ").Append(firstUseSite ?? "(unknown)").Append('.');
        if (inner is not null)
        {
            text.Append(" Cause: ").Append(inner.GetType().Name).Append(": ").Append(inner.Message);
        }
    }

    private static string Compose(string packageName, string? failedComponent, string? declarationSite, string? firstUseSite, Exception? inner)
    {
        var text = new StringBuilder();
        text.Append("Lazy package '").Append(packageName).Append("' could not be loaded");
        if (failedComponent is not null)
        {
            text.Append(": ").Append(failedComponent).Append(" failed");
        }

        AppendSites(text, declarationSite, firstUseSite, inner);
        return text.ToString();
    }
}
