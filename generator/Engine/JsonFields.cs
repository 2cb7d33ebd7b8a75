using System.Text.Json;

namespace SiteGen.Engine;

/// <summary>Reading fields of JSON written by others (the registries, the citations lock): a field of another kind counts as missing.</summary>
public static class JsonFields
{
    /// <summary>The field's text; null when it is missing or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The field's items of the kind wanted; empty when it is missing or not a list.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == kind)
            : [];
}
