using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LazyMigrate;

/// <summary>
/// Source-generated System.Text.Json metadata for <see cref="LazyLoadingStatus"/> (camelCase, enums
/// as strings), so the status serializes in trimmed and Native AOT apps:
/// <c>JsonSerializer.Serialize(status, LazyLoadingJsonContext.Relaxed.LazyLoadingStatus)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LazyLoadingStatus))]
[JsonSerializable(typeof(ImageFormatInfo))]
public sealed partial class LazyLoadingJsonContext : JsonSerializerContext
{
    private static LazyLoadingJsonContext? s_relaxed;
    private static LazyLoadingJsonContext? s_indented;

    /// <summary>
    /// The same metadata writing quotes, <c>&lt;</c>, <c>&gt;</c>, <c>+</c> and non-ASCII letters as they
    /// are instead of <c>\u00XX</c> escapes, so error messages stay readable with <c>curl</c>. Meant for
    /// JSON served as <c>application/json</c> (never embedded in HTML); <see cref="LazyLoadingStatus.ToJson"/>
    /// and the status endpoint use it.
    /// </summary>
    public static LazyLoadingJsonContext Relaxed => s_relaxed ??= new LazyLoadingJsonContext(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The metadata of <see cref="Relaxed"/> with indented output.</summary>
    public static LazyLoadingJsonContext Indented => s_indented ??= new LazyLoadingJsonContext(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });
}
