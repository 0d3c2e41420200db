namespace ModelApi.Data;

/// <summary>A served model: its name, version and decision threshold.</summary>
public sealed class ModelCard
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public double Threshold { get; set; }
}
