using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntakePipeline.Infrastructure.Tests.Arm;

/// <summary>
/// The ARM template functions this template's compiled form calls, evaluated the way ARM documents them. Functions
/// that need a live deployment (<c>reference</c> of a resource, <c>list*</c>) give an <see cref="Opaque"/> value that
/// names what it would read. An unknown function throws, so a new construct in the template shows up as a test failure
/// rather than a silent pass.
/// </summary>
internal static class ArmFunctions
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000beef";
    public const string ResourceGroupName = "rg-intake";
    public const string TenantId = "00000000-0000-0000-0000-0000000000aa";

    public static string ResourceGroupId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}";

    /// <summary>Marks a value that only a live deployment knows, e.g. <c>§reference(…).principalId</c>.</summary>
    public static JsonNode Opaque(string description) => JsonValue.Create("§" + description);

    public static bool IsOpaque(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith('§');

    public static JsonNode? Call(string name, IReadOnlyList<JsonNode?> args, Func<JsonNode?, JsonNode?> referenceResolver, AzureCloud cloud)
    {
        switch (name.ToLowerInvariant())
        {
            case "concat":
                return args.All(a => a is JsonArray)
                    ? new JsonArray([.. args.SelectMany(a => a!.AsArray()).Select(Clone)])
                    : string.Concat(args.Select(Text));
            case "format":
                return string.Format(CultureInfo.InvariantCulture, Text(args[0]), [.. args.Skip(1).Select(a => (object)Text(a))]);
            case "string":
                return args[0] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Clone(args[0])
                    : args[0] is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? (b.GetValue<bool>() ? "True" : "False")
                    : args[0] is JsonValue ? args[0]!.ToJsonString()
                    : args[0]!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
            case "tolower":
                return Text(args[0]).ToLowerInvariant();
            case "toupper":
                return Text(args[0]).ToUpperInvariant();
            case "take":
                return args[0] is JsonArray takeArray
                    ? new JsonArray([.. takeArray.Take((int)Int(args[1])).Select(Clone)])
                    : new string([.. Text(args[0]).Take((int)Int(args[1]))]);
            case "length":
                return args[0] switch
                {
                    JsonArray a => a.Count,
                    JsonObject o => o.Count,
                    _ => Text(args[0]).Length,
                };
            case "empty":
                return args[0] switch
                {
                    null => true,
                    JsonArray a => a.Count == 0,
                    JsonObject o => o.Count == 0,
                    _ => Text(args[0]).Length == 0,
                };
            case "contains":
                return args[0] switch
                {
                    JsonObject o => o.ContainsKey(Text(args[1])),
                    JsonArray a => a.Any(item => JsonNode.DeepEquals(item, args[1])),
                    _ => Text(args[0]).Contains(Text(args[1]), StringComparison.Ordinal),
                };
            case "equals":
                return JsonNode.DeepEquals(args[0], args[1]);
            case "not":
                return !Bool(args[0]);
            case "and":
                return args.All(Bool);
            case "or":
                return args.Any(Bool);
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
            case "createarray":
                return new JsonArray([.. args.Select(Clone)]);
            case "createobject":
                var created = new JsonObject();
                for (var i = 0; i < args.Count; i += 2)
                {
                    created[Text(args[i])] = Clone(args[i + 1]);
                }

                return created;
            case "union":
                return args.All(a => a is JsonArray)
                    ? new JsonArray([.. args.SelectMany(a => a!.AsArray()).DistinctBy(n => n?.ToJsonString()).Select(Clone)])
                    : Union(args.Select(a => a!.AsObject()));
            case "items":
                // ARM returns an object's entries sorted by key.
                return new JsonArray([.. args[0]!.AsObject()
                    .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = Clone(p.Value) })]);
            case "range":
                return new JsonArray([.. Enumerable.Range((int)Int(args[0]), (int)Int(args[1])).Select(i => (JsonNode)i)]);
            case "flatten":
                return new JsonArray([.. args[0]!.AsArray().SelectMany(inner => inner!.AsArray()).Select(Clone)]);
            case "json":
                return JsonNode.Parse(Text(args[0]));
            case "uniquestring":
                return UniqueString(args.Select(Text));
            case "guid":
                return new Guid(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(Text))))).ToString();
            case "subscription":
                return new JsonObject
                {
                    ["id"] = $"/subscriptions/{SubscriptionId}",
                    ["subscriptionId"] = SubscriptionId,
                    ["tenantId"] = TenantId,
                };
            case "tenant":
                return new JsonObject { ["tenantId"] = TenantId };
            case "resourcegroup":
                return new JsonObject { ["id"] = ResourceGroupId, ["name"] = ResourceGroupName, ["location"] = "chinaeast2" };
            case "environment":
                return cloud.ToEnvironment();
            case "resourceid":
                return ResourceGroupId + "/providers/" + TypedNames(args.SkipWhile(a => !Text(a).Contains('/', StringComparison.Ordinal)).ToList());
            case "subscriptionresourceid":
                return $"/subscriptions/{SubscriptionId}/providers/" + TypedNames([.. args]);
            case "extensionresourceid":
                return Text(args[0]) + "/providers/" + TypedNames([.. args.Skip(1)]);
            case "reference":
                return referenceResolver(args[0]) ?? Opaque($"reference({Text(args[0])})");
            default:
                if (name.StartsWith("list", StringComparison.OrdinalIgnoreCase))
                {
                    return Opaque($"{name}({Text(args[0])})");
                }

                throw new NotSupportedException($"The ARM function '{name}' is not evaluated by these tests; add it to {nameof(ArmFunctions)}.");
        }
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "True" : "False",
        _ => node.ToJsonString(),
    };

    public static bool Bool(JsonNode? node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? value.GetValue<bool>()
        : throw new InvalidOperationException($"Expected a boolean, not {node?.ToJsonString() ?? "null"}.");

    public static long Int(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        ? long.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"Expected an integer, not {node?.ToJsonString() ?? "null"}.");

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    private static JsonObject Union(IEnumerable<JsonObject> objects)
    {
        var result = new JsonObject();
        foreach (var source in objects)
        {
            foreach (var (key, value) in source)
            {
                result[key] = Clone(value);
            }
        }

        return result;
    }

    /// <summary><c>Microsoft.Storage/storageAccounts/blobServices</c> with names <c>st1, default</c> → <c>Microsoft.Storage/storageAccounts/st1/blobServices/default</c>.</summary>
    private static string TypedNames(List<JsonNode?> args)
    {
        var type = Text(args[0]).Split('/');
        var path = new StringBuilder(type[0]);
        for (var i = 1; i < type.Length; i++)
        {
            path.Append('/').Append(type[i]).Append('/').Append(Text(args[i]));
        }

        return path.ToString();
    }

    private static string UniqueString(IEnumerable<string> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts)));
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        return new string([.. hash.Take(13).Select(b => alphabet[b % 32])]);
    }
}
