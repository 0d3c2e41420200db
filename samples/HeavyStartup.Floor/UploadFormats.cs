namespace HeavyStartup.Floor;

/// <summary>Which modern image formats this build can decode (decides which uploads the app accepts).</summary>
internal sealed record UploadFormats(bool Jxl, bool Avif);
