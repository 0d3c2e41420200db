namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// The message tail for a console entry point with no ready point: without one, every statement of
/// <c>Main</c> (or of the top-level statements) counts as startup, including an input loop that runs
/// long after the app is usable.
/// </summary>
internal static class ReadyHint
{
    /// <summary>Empty, or "; no ready point…" for an entry point or top-level statements that never mark ready.</summary>
    public static string For(StartupBody body) =>
        body.Cut.Index == int.MaxValue && body.Kind is StartupKind.EntryPoint or StartupKind.TopLevel
            ? $"; {body.DisplayName} has no ready point, so all of it counts as startup: call LazyLoading.MarkReady() where the app is ready to use (or name your own ready method in lazymigrate.ready_methods)"
            : string.Empty;
}
