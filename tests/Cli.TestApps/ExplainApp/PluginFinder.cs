using System;

namespace ExplainApp;

/// <summary>Finds a type by assembly-qualified name at run time: no rule can tell which package it loads.</summary>
internal static class PluginFinder
{
    public static string Find(string typeName, string assemblyName)
    {
        var type = Type.GetType(typeName + ", " + assemblyName, throwOnError: true);
        return type!.FullName ?? typeName;
    }
}
