using ImageMagick;

namespace Consumer;

internal static class Images
{
    // Printed before ready: reading it runs the static constructor, which builds the logo.
    public static readonly string Name = "logo";

    private static readonly MagickImage Logo;

    static Images()
    {
        // The logo is drawn once.
        Logo = new MagickImage(MagickColors.Blue, 4, 5);
    }

    public static uint LogoArea => Logo.Width * Logo.Height;
}
