using System.Collections.Generic;
using System.Linq;

namespace ModelApi.Floor;

/// <summary>The app's model card, with the same JSON shape.</summary>
public sealed class ModelCard
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public double Threshold { get; set; }
}

/// <summary>
/// Stand-in for the app's database context (scoped, as AddDbContext registers it): the cards the migration
/// inserts, made on the first request that reads them.
/// </summary>
public sealed class ModelStore
{
    private static List<ModelCard>? _cards;

    public IReadOnlyList<ModelCard> Models => _cards ??= new List<ModelCard>
    {
        new() { Id = 1, Name = "square", Version = "2026.12", Threshold = 0.5 },
        new() { Id = 2, Name = "square-strict", Version = "2026.12", Threshold = 0.8 },
        new() { Id = 3, Name = "square-legacy", Version = "2025.03", Threshold = 0.25 },
    };
}

/// <summary>Stand-in for the ONNX session: squares each input.</summary>
public sealed class StandInSession
{
    public float[] Run(float[] inputs) => inputs.Select(x => x * x).ToArray();
}
