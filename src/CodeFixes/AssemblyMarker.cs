namespace LazyMigrate.CodeFixes;

/// <summary>Placeholder until the fixes land.</summary>
internal static class AssemblyMarker
{
}
