namespace LazyMigrate.AspNetCore;

/// <summary>Placeholder until the hosting integration lands.</summary>
internal static class AssemblyMarker
{
}
