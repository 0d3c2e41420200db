// Eval stand-in, copied in by eval/patches/OcrWorkerDemo.sh: the Tesseract package is not served by the
// package mirror the evaluation runs against. The app uses its two option enums (values as in Tesseract's
// engine and page segmentation modes), TesseractEngine, Pix, Page and TesseractException; this declares
// exactly those with the same shapes so the app's own code compiles unchanged. There is no OCR engine
// behind it: processing a page throws TesseractException, which the app already handles.
namespace Tesseract;

public enum EngineMode
{
    TesseractOnly = 0,
    LstmOnly = 1,
    TesseractAndLstm = 2,
    Default = 3,
}

public enum PageSegMode
{
    OsdOnly = 0,
    AutoOsd = 1,
    AutoOnly = 2,
    Auto = 3,
    SingleColumn = 4,
    SingleBlockVertText = 5,
    SingleBlock = 6,
    SingleLine = 7,
    SingleWord = 8,
    CircleWord = 9,
    SingleChar = 10,
    SparseText = 11,
    SparseTextOsd = 12,
    RawLine = 13,
}

public class TesseractException(string message) : Exception(message);

public sealed class Pix : IDisposable
{
    private Pix(byte[] image) => Image = image;

    public byte[] Image { get; }

    public static Pix LoadFromMemory(byte[] image) => new(image);

    public void Dispose() { }
}

public sealed class Page : IDisposable
{
    public string GetText() => throw new TesseractException("no OCR engine in the evaluation stand-in");

    public float GetMeanConfidence() => throw new TesseractException("no OCR engine in the evaluation stand-in");

    public void Dispose() { }
}

public sealed class TesseractEngine(string dataPath, string language, EngineMode engineMode) : IDisposable
{
    public string DataPath { get; } = dataPath;
    public string Language { get; } = language;
    public EngineMode EngineMode { get; } = engineMode;
    public PageSegMode DefaultPageSegMode { get; set; } = PageSegMode.Auto;

    public Page Process(Pix image) => throw new TesseractException($"no OCR engine in the evaluation stand-in ({image.Image.Length} bytes not read)");

    public void Dispose() { }
}
