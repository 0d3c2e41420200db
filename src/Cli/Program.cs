namespace LazyMigrate.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        System.Console.Error.WriteLine("lazymigrate: not implemented yet");
        return 2;
    }
}
