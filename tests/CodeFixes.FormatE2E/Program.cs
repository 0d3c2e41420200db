using System;
using Consumer;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;

Console.WriteLine("start");

// Session options for the model runner.
var options = new SessionOptions { LogId = "e2e" };
var services = new ServiceCollection();
services.AddSingleton(new MagickImage(MagickColors.Red, 3, 2)); // the canvas
Console.WriteLine("cheap static: " + Models.Cheap);
Console.WriteLine("type: " + typeof(MagickImage).Name);
Console.WriteLine("configured");
Console.WriteLine("image: " + Images.Name);

_ = Tools.Connection.Value;
var cache = Tools.Prepare();
using var provider = services.BuildServiceProvider();
var resolved = provider.GetRequiredService<MagickImage>();
Signals.Ready();

Report.Run(options, services);
Tools.Show(resolved);
Console.WriteLine("cache: " + cache.LogId);
Console.WriteLine("connection: " + Tools.ConnectionState);
