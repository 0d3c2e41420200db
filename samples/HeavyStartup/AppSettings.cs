namespace HeavyStartup;

/// <summary>Configuration the app would normally read from appsettings.json.</summary>
internal static class AppSettings
{
    public const string Name = "HeavyStartup";

    /// <summary>The local storage emulator's well-known development account: building a client makes no network call.</summary>
    public const string BlobConnectionString = "UseDevelopmentStorage=true";

    public const string ThumbnailContainer = "thumbnails";
}
