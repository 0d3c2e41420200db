using System.Collections.Generic;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>A consumer project written from scratch: its package references and its source files.</summary>
/// <param name="Name">Folder and assembly name.</param>
/// <param name="PackageReferences">Package id → version; the token <c>$(LazyMigrateVersion)</c> means this run's packed version.</param>
/// <param name="Files">Relative path → content.</param>
public sealed record ConsumerTemplate(
    string Name,
    IReadOnlyDictionary<string, string> PackageReferences,
    IReadOnlyDictionary<string, string> Files)
{
    public const string PackedVersion = "$(LazyMigrateVersion)";
}
