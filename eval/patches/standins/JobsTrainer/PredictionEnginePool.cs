// Eval stand-in, copied in by eval/patches/JobsTrainer.sh: the Microsoft.Extensions.ML package is not served
// by the package mirror the evaluation runs against. JobsTrainerML.Api uses
// `AddPredictionEnginePool<TIn, TOut>().FromFile(path)` and `PredictionEnginePool<TIn, TOut>.Predict`; this
// declares those with the same shapes on top of Microsoft.ML (served), so the app's own code compiles
// unchanged. The model is loaded on first use and predictions share one engine under a lock (no pooling).
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;

namespace Microsoft.Extensions.ML
{
    public sealed class PredictionEnginePool<TData, TPrediction>
        where TData : class
        where TPrediction : class, new()
    {
        private readonly Lazy<PredictionEngine<TData, TPrediction>> engine;
        private readonly object gate = new();

        public PredictionEnginePool(string modelPath)
        {
            engine = new Lazy<PredictionEngine<TData, TPrediction>>(() =>
            {
                var context = new MLContext();
                var model = context.Model.Load(modelPath, out _);
                return context.Model.CreatePredictionEngine<TData, TPrediction>(model);
            });
        }

        public TPrediction Predict(TData example)
        {
            lock (gate)
            {
                return engine.Value.Predict(example);
            }
        }
    }

    public sealed class PredictionEnginePoolBuilder<TData, TPrediction>(IServiceCollection services)
        where TData : class
        where TPrediction : class, new()
    {
        public IServiceCollection Services { get; } = services;

        public PredictionEnginePoolBuilder<TData, TPrediction> FromFile(string filePath)
        {
            Services.AddSingleton(_ => new PredictionEnginePool<TData, TPrediction>(filePath));
            return this;
        }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    using Microsoft.Extensions.ML;

    public static class EvalPredictionEnginePoolExtensions
    {
        public static PredictionEnginePoolBuilder<TData, TPrediction> AddPredictionEnginePool<TData, TPrediction>(this IServiceCollection services)
            where TData : class
            where TPrediction : class, new() =>
            new(services);
    }
}
