using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ModelApi.Data;

namespace ModelApi;

/// <summary>The API: health, the model cards, predictions and thresholded decisions.</summary>
internal static class Endpoints
{
    public static void MapModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => "ok");
        app.MapGet("/models", async (ModelDb db) => await db.Models.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        app.MapGet("/predict", (InferenceSession session, string x) => Predict(session, x));
        app.MapGet("/models/{id:int}/decide", async (int id, string x, ModelDb db, InferenceSession session) =>
        {
            var card = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
            return card is null
                ? Results.NotFound()
                : Results.Ok(new { model = card.Name, decisions = Predict(session, x).Select(y => y >= card.Threshold).ToArray() });
        });
    }

    /// <summary>Runs the scoring model (it squares each input) on the comma-separated inputs.</summary>
    private static float[] Predict(InferenceSession session, string x)
    {
        var inputs = x.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (inputs.Length != 3)
        {
            throw new BadHttpRequestException("x needs three numbers");
        }

        var tensor = new DenseTensor<float>(inputs, new[] { 3 });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("x", tensor) });
        return results.First().AsEnumerable<float>().ToArray();
    }
}
