namespace LazyMigrate.Analyzers;

/// <summary>Placeholder until the rules land.</summary>
internal static class AssemblyMarker
{
}
