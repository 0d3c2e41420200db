using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.StartupHarness;

/// <summary>Median and spread of one measured quantity over the runs.</summary>
internal sealed record Statistic(int Count, double Median, double Min, double Max, double P25, double P75)
{
    public static Statistic? Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return new Statistic(sorted.Length, Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    // Linear interpolation between closest ranks.
    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
