namespace HeavyStartup.Floor;

/// <summary>Same settings as the sample.</summary>
internal static class AppSettings
{
    public const string Name = "HeavyStartup";

    public const string BlobConnectionString = "UseDevelopmentStorage=true";

    public const string ThumbnailContainer = "thumbnails";
}
