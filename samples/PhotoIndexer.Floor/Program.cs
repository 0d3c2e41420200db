// The floor of PhotoIndexer: the same banner, ready signal and command loop, with stand-ins created on their
// first use after ready. No version of the app that keeps its banner and its commands can be ready sooner.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using LazyMigrate;
using PhotoIndexer.Floor;

StandInScorer? scorer = null;
StandInTagger? tagger = null;
StandInImaging? imaging = null;
StandInContainer? container = null;

Console.WriteLine($"READY {PhotoLibrary.Name} for {PhotoLibrary.Owner}");
LazyLoading.MarkReady();
await AfterReady.PauseAsync();

var timed = new HashSet<string>(StringComparer.Ordinal);
string? line;
while ((line = Console.ReadLine()) is not null)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0)
    {
        continue;
    }

    var watch = Stopwatch.StartNew();
    var result = words[0] switch
    {
        "count" => Commands.Count(),
        "score" => Commands.Score(scorer ??= new StandInScorer(), PhotoLibrary.Find(Commands.Id(words))),
        "tag" => Commands.Tag(tagger ??= new StandInTagger(), PhotoLibrary.Find(Commands.Id(words))),
        "thumb" => Commands.Thumb(imaging ??= new StandInImaging(), PhotoLibrary.Find(Commands.Id(words))),
        "convert" => Commands.Convert(imaging ??= new StandInImaging(), PhotoLibrary.Find(Commands.Id(words))),
        "blob" => Commands.Blob(container ??= new StandInContainer(PhotoLibrary.ContainerName), PhotoLibrary.Find(Commands.Id(words))),
        _ => $"unknown command '{words[0]}'",
    };
    watch.Stop();
    Console.WriteLine($"{words[0]}: {result}");
    if (timed.Add(words[0]))
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "TIMING first-use {0} {1:0.0} ms", words[0], watch.Elapsed.TotalMilliseconds));
    }
}

Console.WriteLine("DONE");
