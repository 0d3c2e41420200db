using System.Collections.Immutable;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Infrastructure;

/// <summary>
/// References for test compilations: the installed SDK's reference assemblies with the real DI and
/// hosting abstractions (<see cref="FrameworkReferences"/>, nothing downloaded at test time), the
/// fake heavy packages (<see cref="FakeHeavyPackages"/>), and optionally the real LazyMigrate.Runtime.
/// </summary>
internal static class TestReferences
{
    /// <summary>
    /// No reference-assembly package: the framework comes from <see cref="Framework"/>, added to every
    /// project of a test (the testing library would otherwise download packages into a shared temp folder).
    /// </summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static ImmutableArray<MetadataReference> Framework => FrameworkReferences.All;

    /// <summary>The fake heavy packages shared with the analyzer tests.</summary>
    public static ImmutableArray<MetadataReference> Heavy => FakeHeavyPackages.All;

    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(LazyMigrate.LazyValue).Assembly.Location);
}
