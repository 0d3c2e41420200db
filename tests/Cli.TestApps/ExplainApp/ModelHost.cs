using Microsoft.ML.OnnxRuntime;

namespace ExplainApp;

/// <summary>Holds ONNX Runtime session options created by a static initializer: the first touch loads ONNX Runtime.</summary>
internal static class ModelHost
{
    private static readonly SessionOptions s_options = new SessionOptions();

    public static string Describe() => s_options.GraphOptimizationLevel.ToString();
}
