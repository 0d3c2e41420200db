// A bare console app: prints the ready marker and exits. The startup harness's baseline.
using System;

Console.WriteLine("READY");
