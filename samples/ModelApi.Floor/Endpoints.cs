using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ModelApi.Floor;

/// <summary>The app's endpoints over the stand-ins, with the same routes and responses.</summary>
internal static class Endpoints
{
    public static void MapModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => "ok");
        app.MapGet("/models", (ModelStore store) => store.Models.OrderBy(m => m.Id).ToList());
        app.MapGet("/predict", (StandInSession session, string x) => Predict(session, x));
        app.MapGet("/models/{id:int}/decide", (int id, string x, ModelStore store, StandInSession session) =>
        {
            var card = store.Models.SingleOrDefault(m => m.Id == id);
            return card is null
                ? Results.NotFound()
                : Results.Ok(new { model = card.Name, decisions = Predict(session, x).Select(y => y >= card.Threshold).ToArray() });
        });
    }

    private static float[] Predict(StandInSession session, string x)
    {
        var inputs = x.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (inputs.Length != 3)
        {
            throw new BadHttpRequestException("x needs three numbers");
        }

        return session.Run(inputs);
    }
}
