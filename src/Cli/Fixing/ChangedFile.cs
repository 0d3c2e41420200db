namespace LazyMigrate.Cli.Fixing;

/// <summary>A file the fix would write: its old text (null when new) and new text.</summary>
public sealed record ChangedFile(string Path, string? OldText, string NewText, System.Text.Encoding Encoding);
