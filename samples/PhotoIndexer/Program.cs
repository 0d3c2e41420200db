// A photo indexer started the way command-line tools usually are: everything any command might need is
// opened before the first prompt, and the catalog opens as soon as the banner reads the library's name.
// Then it serves commands from standard input, one a line, until the input ends.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Azure.Storage.Blobs;
using ImageMagick;
using LazyMigrate;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using PhotoIndexer;
using PhotoIndexer.Catalog;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

// The scoring model, the sharpness tagger (fitted on reference photos), the image libraries and the storage client.
using var scorer = new InferenceSession(SquareModel.Build(3));
var ml = new MLContext(seed: 5);
var reference = ml.Data.LoadFromEnumerable(new[] { 0.5f, 1.5f, 2.5f, 3.5f, 4.5f }.Select(v => new SharpnessInput { Value = v }));
var taggerModel = ml.Transforms.NormalizeMinMax("Score", "Value").Fit(reference);
var tagger = ml.Model.CreatePredictionEngine<SharpnessInput, SharpnessTag>(taggerModel);
var webp = MagickNET.SupportedFormats.Any(f => f.Format == MagickFormat.WebP && f.SupportsWriting);
using var canvas = new Image<Rgba32>(64, 48);
var blobs = new BlobServiceClient("UseDevelopmentStorage=true");
var container = blobs.GetBlobContainerClient(PhotoLibrary.ContainerName);

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
        "score" => Commands.Score(scorer, PhotoLibrary.Find(Commands.Id(words))),
        "tag" => Commands.Tag(tagger, PhotoLibrary.Find(Commands.Id(words))),
        "thumb" => Commands.Thumb(canvas, PhotoLibrary.Find(Commands.Id(words))),
        "convert" => Commands.Convert(webp, PhotoLibrary.Find(Commands.Id(words))),
        "blob" => Commands.Blob(container, PhotoLibrary.Find(Commands.Id(words))),
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
