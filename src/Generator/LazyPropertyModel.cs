using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LazyMigrate.Generator;

/// <summary>How the generated getter reaches the value.</summary>
internal enum LazyPropertyKind
{
    /// <summary>A static reference type: the holder class caches the value in a static readonly field.</summary>
    StaticHolder,

    /// <summary>A static value type (or a type parameter that may be one): straight to the lazy value.</summary>
    StaticDirect,

    /// <summary>An instance property: a lazy value per instance, created on first read.</summary>
    Instance,

    /// <summary>A static <c>Task&lt;T&gt;</c>: an <c>AsyncLazyValue&lt;T&gt;</c> in a holder class, the completed task cached.</summary>
    StaticTask,

    /// <summary>A static <c>ValueTask&lt;T&gt;</c>: an <c>AsyncLazyValue&lt;T&gt;</c> in a holder class.</summary>
    StaticValueTask,
}

/// <summary>One type around the property, outermost first, as its partial declaration starts.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name, string TypeParameters);

/// <summary>Everything the emitter needs about one [LazyValue] property: strings only, compared by value.</summary>
internal sealed record LazyPropertyModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Modifiers,
    string PropertyName,
    string PropertyType,
    string ValueType,
    LazyPropertyKind Kind,
    string PackageName,
    string FactoryName,
    bool FactoryTakesCancellationToken,
    string? DeclarationFile,
    int DeclarationLine,
    string LazyFieldName,
    string FactoryWrapperName,
    string HolderName,
    string HelperName);

/// <summary>A diagnostic kept as plain data (no syntax tree or symbol), so pipeline results compare by value.</summary>
internal sealed record DiagnosticInfo(
    string DescriptorId,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        var lineSpan = location.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            location.SourceTree?.FilePath ?? string.Empty,
            location.SourceSpan,
            lineSpan.Span,
            new EquatableArray<string>(System.Collections.Immutable.ImmutableArray.Create(arguments)));
    }

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DescriptorId switch
        {
            "LZM1001" => GeneratorDescriptors.LZM1001NotImplementable,
            "LZM1002" => GeneratorDescriptors.LZM1002FactoryNotFound,
            "LZM1003" => GeneratorDescriptors.LZM1003FactorySignature,
            _ => GeneratorDescriptors.LZM1004PackageUnknown,
        };
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location.Create(FilePath, Span, LineSpan), arguments);
    }
}

/// <summary>The outcome for one property: a model to emit, or the diagnostics that explain why not.</summary>
internal sealed record LazyPropertyResult(LazyPropertyModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
