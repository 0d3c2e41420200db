using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LazyMigrate.AspNetCore.Tests;

/// <summary>Reads the status endpoint's JSON by its documented (camelCase) property names.</summary>
internal static class StatusJson
{
    public static double Percentage(JsonElement status) => status.GetProperty("progress").GetProperty("percentage").GetDouble();

    public static JsonElement Package(JsonElement status, string name)
        => status.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    public static string State(JsonElement status, string name) => Package(status, name).GetProperty("state").GetString()!;

    public static IEnumerable<JsonElement> Packages(JsonElement status) => status.GetProperty("packages").EnumerateArray();

    public static string? Error(JsonElement status, string name)
    {
        var error = Package(status, name).GetProperty("error");
        return error.ValueKind == JsonValueKind.Null ? null : error.GetString();
    }

    public static bool IsSettled(string state) => state is "Loaded" or "Failed" or "NotPresent";

    /// <summary>Every listed package loaded, failed or was found missing (the percentage counts only loaded ones).</summary>
    public static bool AllSettled(JsonElement status) => Packages(status).All(p => IsSettled(p.GetProperty("state").GetString()!));

    public static void AssertStates(JsonElement status, string expectedState, params string[] names)
    {
        foreach (var name in names)
        {
            var actual = State(status, name);
            if (!string.Equals(actual, expectedState, StringComparison.Ordinal))
            {
                Assert.Fail($"Package '{name}' is {actual}, expected {expectedState}. Status: {status}");
            }
        }
    }
}
