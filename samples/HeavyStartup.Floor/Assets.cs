using System;

namespace HeavyStartup.Floor;

/// <summary>Assets the app ships inside its assembly (here as Base64 so the sample has no binary files).</summary>
internal static class Assets
{
    /// <summary>The thumbnail watermark: a 4x4 RGBA PNG, crimson (C81E3C).</summary>
    public static byte[] WatermarkPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEklEQVR42mM4IWfzHxkzkC4AAICIIhFcDi33AAAAAElFTkSuQmCC");
}
