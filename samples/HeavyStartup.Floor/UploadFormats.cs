using System;
using System.Collections.Generic;
using System.Linq;

namespace HeavyStartup.Floor;

/// <summary>Which modern image formats this build can decode (decides which uploads the app accepts).</summary>
internal sealed record UploadFormats(bool Jxl, bool Avif)
{
    /// <summary>The image-plugin check against a codec's format table.</summary>
    public static UploadFormats From(IReadOnlyList<string> codecFormats) => new(
        Jxl: codecFormats.Any(f => string.Equals(f, "JXL", StringComparison.Ordinal)),
        Avif: codecFormats.Any(f => string.Equals(f, "AVIF", StringComparison.Ordinal)));
}
