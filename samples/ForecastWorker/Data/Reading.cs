namespace ForecastWorker.Data;

/// <summary>One day's mean temperature at a weather station.</summary>
public sealed class Reading
{
    public int Id { get; set; }

    public string Station { get; set; } = "";

    public int Day { get; set; }

    public float Celsius { get; set; }
}
