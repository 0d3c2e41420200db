using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Generator;

/// <summary>
/// Implements <c>[LazyValue]</c> partial properties (docs/generator.md): for each one, the getter, the
/// untyped lazy value, the non-inlined factory wrapper and the holder class of the LZM0001 fix's shape.
/// Misuse is reported as LZM1001–LZM1004 and generates nothing for that property.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LazyValueGenerator : IIncrementalGenerator
{
    /// <summary>The metadata name of the attribute in LazyMigrate.Runtime.</summary>
    public const string AttributeName = "LazyMigrate.LazyValueAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var properties = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is PropertyDeclarationSyntax,
            LazyPropertyParser.Parse);

        context.RegisterSourceOutput(properties, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (result.Model is { } model)
            {
                output.AddSource(model.HintName, LazyPropertyEmitter.Emit(model));
            }
        });
    }
}
