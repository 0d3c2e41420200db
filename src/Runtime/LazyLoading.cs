namespace LazyMigrate;

/// <summary>Placeholder until the runtime lands.</summary>
public static class LazyLoading
{
}
