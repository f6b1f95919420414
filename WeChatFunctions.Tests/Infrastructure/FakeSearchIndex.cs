using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>One index of the <see cref="FakeSearchServer"/>: its definition as created, and its documents by key.</summary>
public sealed class FakeSearchIndex
{
    private static readonly string[] Actions = ["upload", "merge", "mergeOrUpload", "delete"];

    private readonly ConcurrentDictionary<string, JsonObject> _documents = new(StringComparer.Ordinal);
    private readonly string _key;
    private readonly Dictionary<string, int> _vectorFields;
    private readonly HashSet<string> _fields;
    private readonly HashSet<string> _semanticConfigurations;

    private FakeSearchIndex(JsonNode definition, string key, Dictionary<string, int> vectorFields, HashSet<string> fields, HashSet<string> semanticConfigurations)
    {
        Definition = definition;
        Name = definition["name"]!.GetValue<string>();
        (_key, _vectorFields, _fields, _semanticConfigurations) = (key, vectorFields, fields, semanticConfigurations);
    }

    public string Name { get; }

    public JsonNode Definition { get; }

    public int DocumentCount => _documents.Count;

    /// <summary>Checks a Create Index body the way the service does for what this app sends.</summary>
    internal static (FakeSearchIndex? Index, string? Problem) Create(JsonNode definition)
    {
        var fields = definition["fields"]?.AsArray().Select(field => field!).ToList() ?? [];
        var keys = fields.Where(field => field["key"]?.GetValue<bool>() == true).ToList();
        if (definition["name"] is null || keys.Count != 1 || keys[0]["type"]?.GetValue<string>() != "Edm.String")
        {
            return (null, "An index needs a name and exactly one key field of type Edm.String.");
        }

        var profiles = definition["vectorSearch"]?["profiles"]?.AsArray().ToDictionary(profile => profile!["name"]!.GetValue<string>(), profile => profile!["algorithm"]!.GetValue<string>()) ?? [];
        var algorithms = definition["vectorSearch"]?["algorithms"]?.AsArray().Where(algorithm => algorithm!["kind"]?.GetValue<string>() == "hnsw").Select(algorithm => algorithm!["name"]!.GetValue<string>()).ToHashSet() ?? [];
        var vectorFields = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields.Where(field => field["type"]?.GetValue<string>() == "Collection(Edm.Single)"))
        {
            var profile = field["vectorSearchProfile"]?.GetValue<string>();
            if (field["dimensions"] is null || profile is null || !profiles.TryGetValue(profile, out var algorithm) || !algorithms.Contains(algorithm))
            {
                return (null, $"Vector field '{field["name"]}' needs dimensions and a vectorSearchProfile whose algorithm is an hnsw configuration.");
            }

            vectorFields[field["name"]!.GetValue<string>()] = field["dimensions"]!.GetValue<int>();
        }

        var semantic = definition["semantic"]?["configurations"]?.AsArray().Select(configuration => configuration!["name"]!.GetValue<string>()).ToHashSet() ?? [];
        var names = fields.Select(field => field["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return (new FakeSearchIndex(definition.DeepClone(), keys[0]["name"]!.GetValue<string>(), vectorFields, names, semantic), null);
    }

    internal (int, JsonNode) Index(JsonNode body)
    {
        var results = new JsonArray();
        foreach (var action in body["value"]!.AsArray().Select(action => action!.AsObject()))
        {
            var kind = action["@search.action"]?.GetValue<string>() ?? "upload";
            var key = action[_key]?.GetValue<string>();
            var problem = !Actions.Contains(kind) ? $"Unknown @search.action '{kind}'."
                : key is null ? $"The key field '{_key}' is missing."
                : action.Select(property => property.Key).FirstOrDefault(name => name != "@search.action" && !_fields.Contains(name)) is { } unknown ? $"The field '{unknown}' is not in the index."
                : _vectorFields.FirstOrDefault(field => action[field.Key] is JsonArray vector && vector.Count != field.Value) is { Key: { } wrong } ? $"The vector field '{wrong}' must have {_vectorFields[wrong]} dimensions."
                : null;
            if (problem is null)
            {
                if (kind == "delete")
                {
                    _documents.TryRemove(key!, out _);
                }
                else
                {
                    var stored = (JsonObject)action.DeepClone();
                    stored.Remove("@search.action");
                    _documents[key!] = stored;
                }
            }

            results.Add(new JsonObject { ["key"] = key, ["status"] = problem is null, ["errorMessage"] = problem, ["statusCode"] = problem is null ? 200 : 400 });
        }

        return (results.Any(result => result!["status"]!.GetValue<bool>() == false) ? 207 : 200, new JsonObject { ["value"] = results });
    }

    internal (int, JsonNode) Search(JsonNode body)
    {
        var queries = body["vectorQueries"]?.AsArray() ?? [];
        if (queries.Count != 1 || queries[0]!["kind"]?.GetValue<string>() != "vector" || queries[0]!["fields"]?.GetValue<string>() is not { } field
            || !_vectorFields.TryGetValue(field, out var dimensions) || queries[0]!["vector"]!.AsArray().Count != dimensions || queries[0]!["k"]?.GetValue<int>() is not > 0)
        {
            return (400, FakeSearchServer.Error("A vector query needs kind 'vector', a vector field of the index, a vector of its dimensions, and k."));
        }

        var semantic = body["queryType"]?.GetValue<string>() == "semantic";
        if (semantic && !_semanticConfigurations.Contains(body["semanticConfiguration"]?.GetValue<string>() ?? ""))
        {
            return (400, FakeSearchServer.Error("A semantic query needs a semanticConfiguration of the index."));
        }

        var select = (body["select"]?.GetValue<string>() ?? "*").Split(',', StringSplitOptions.TrimEntries);
        if (select.FirstOrDefault(name => name != "*" && !_fields.Contains(name)) is { } unknown)
        {
            return (400, FakeSearchServer.Error($"Could not find a property named '{unknown}' on type 'search.document'."));
        }

        var query = queries[0]!["vector"]!.AsArray().Select(value => value!.GetValue<float>()).ToArray();
        var found = FakeSearchRanking.Rank(_documents.Values.ToList(), body["search"]?.GetValue<string>() ?? "", field, query)
            .Take(body["top"]?.GetValue<int>() ?? 50)
            .Select(hit =>
            {
                var result = new JsonObject { ["@search.score"] = hit.Score };
                if (semantic)
                {
                    result["@search.rerankerScore"] = hit.Score * 100;
                }

                foreach (var property in hit.Document.Where(property => select.Contains("*") || select.Contains(property.Key)))
                {
                    result[property.Key] = property.Value?.DeepClone();
                }

                return (JsonNode)result;
            });
        return (200, new JsonObject { ["value"] = new JsonArray([.. found]) });
    }
}

/// <summary>Hybrid ranking as the service does it, simplified: reciprocal rank fusion (k = 60) of a keyword and a vector ranking.</summary>
internal static class FakeSearchRanking
{
    public static IEnumerable<(JsonObject Document, double Score)> Rank(List<JsonObject> documents, string text, string vectorField, float[] query)
    {
        var byVector = documents.OrderByDescending(document => Cosine(query, document[vectorField]!.AsArray().Select(value => value!.GetValue<float>()).ToArray())).ToList();
        var words = Pairs(text);
        var byKeywords = documents.Select(document => (document, matches: Pairs(string.Concat(document.Where(property => property.Value is JsonValue).Select(property => property.Value!.ToString()))).Intersect(words).Count()))
            .Where(entry => entry.matches > 0)
            .OrderByDescending(entry => entry.matches)
            .Select(entry => entry.document)
            .ToList();
        return documents
            .Select(document => (document, score: (1.0 / (60 + byVector.IndexOf(document) + 1)) + (byKeywords.IndexOf(document) is >= 0 and var rank ? 1.0 / (60 + rank + 1) : 0)))
            .OrderByDescending(entry => entry.score);
    }

    private static HashSet<string> Pairs(string text) => [.. text.Zip(text.Skip(1), (first, second) => string.Concat(first, second)).Where(pair => !pair.Any(char.IsWhiteSpace))];

    private static double Cosine(float[] first, float[] second) => first.Zip(second, (a, b) => (double)a * b).Sum();
}
