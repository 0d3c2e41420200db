using System.Text.Json;
using System.Text.Json.Serialization;

namespace LazyMigrate;

/// <summary>
/// Source-generated System.Text.Json metadata for <see cref="LazyLoadingStatus"/> (camelCase, enums
/// as strings), so the status serializes in trimmed and Native AOT apps:
/// <c>JsonSerializer.Serialize(status, LazyLoadingJsonContext.Default.LazyLoadingStatus)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LazyLoadingStatus))]
[JsonSerializable(typeof(ImageFormatInfo))]
public sealed partial class LazyLoadingJsonContext : JsonSerializerContext
{
    private static LazyLoadingJsonContext? s_indented;

    /// <summary>The same metadata with indented output.</summary>
    public static LazyLoadingJsonContext Indented => s_indented ??= new LazyLoadingJsonContext(new JsonSerializerOptions(Default.Options) { WriteIndented = true });
}
