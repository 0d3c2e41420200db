// The README's first command: for every app under samples/ that has a floor, builds the bare app, the floor, the
// app and a migrated copy, measures them interleaved under the LazyMigrate startup hook and prints a Markdown table.
// Exit codes: 0 measured (targets reported, not enforced), 1 a target missed with --require-targets,
// 2 bad command line, 3 a baseline app (bare, floor, sample) could not be built or README.md has no report block.
using System;
using System.Linq;
using LazyMigrate.StartupHarness;

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (HarnessUsageException ex)
{
    if (ex.HasMessage)
    {
        Console.Error.WriteLine("error: " + ex.Message);
    }

    Console.Error.WriteLine(HarnessOptions.Usage);
    return ex.HasMessage ? 2 : 0;
}

try
{
    var reports = Harness.Run(options, message => Console.Error.WriteLine(message));
    Console.WriteLine();
    Console.WriteLine(MarkdownReport.RenderAll(reports));
    var missed = reports.SelectMany(r => r.Targets).Where(t => t.Met != true).ToList();
    return options.RequireTargets && missed.Count > 0 ? 1 : 0;
}
catch (HarnessUsageException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}
catch (HarnessStepException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 3;
}
