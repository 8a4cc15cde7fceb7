using System.Text.Json.Nodes;

namespace IntakePipeline.Infrastructure.Tests.Arm;

/// <summary>
/// A compiled template evaluated for given parameter values in a given cloud, as ARM would evaluate it before it
/// deploys anything: parameters (with their defaults), variables, resource conditions, copy loops and nested
/// deployments (Bicep modules), whose outputs feed the templates that reference them. The result is the list of
/// resources that deployment would create, with their properties evaluated.
/// </summary>
internal sealed class ArmTemplate
{
    private const string DeploymentsType = "Microsoft.Resources/deployments";

    private readonly JsonObject _template;
    private readonly Dictionary<string, JsonNode?> _parameters;
    private readonly Dictionary<string, JsonNode?> _variables = [];
    private readonly Dictionary<string, ArmTemplate> _modules = [];
    private readonly Dictionary<string, int> _copyIndexes = [];
    private readonly Stack<Dictionary<string, JsonNode?>> _lambdaScopes = new();
    private readonly List<ArmResource> _resources = [];
    private string? _currentCopy;
    private bool _evaluated;

    public ArmTemplate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, AzureCloud cloud, string path = "")
    {
        _template = template;
        Cloud = cloud;
        Path = path;
        var declared = template["parameters"]?.AsObject() ?? [];
        var unknown = parameters.Keys.Except(declared.Select(p => p.Key)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The template{Describe()} has no parameter {string.Join(", ", unknown)}.", nameof(parameters));
        }

        _parameters = new Dictionary<string, JsonNode?>(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        foreach (var (name, declaration) in declared)
        {
            if (!_parameters.ContainsKey(name))
            {
                _parameters[name] = declaration!.AsObject().TryGetPropertyValue("defaultValue", out var defaultValue)
                    ? Evaluate(defaultValue)
                    : throw new ArgumentException($"The template{Describe()} needs a value for its parameter '{name}'.", nameof(parameters));
            }
        }
    }

    public AzureCloud Cloud { get; }

    /// <summary>The module path, e.g. <c>/functionApp</c>; empty for the top template.</summary>
    public string Path { get; }

    /// <summary>The resources this template deploys (not its modules' resources), conditions and loops applied.</summary>
    public IReadOnlyList<ArmResource> Resources
    {
        get
        {
            EvaluateResources();
            return _resources;
        }
    }

    /// <summary>The modules (nested deployments) this template deploys, by deployment name.</summary>
    public IReadOnlyDictionary<string, ArmTemplate> Modules
    {
        get
        {
            EvaluateResources();
            return _modules;
        }
    }

    /// <summary>Every resource of this template and of its modules, depth first.</summary>
    public IEnumerable<ArmResource> AllResources => Resources.Concat(Modules.Values.SelectMany(m => m.AllResources));

    /// <summary>The evaluated outputs.</summary>
    public JsonObject Outputs => new(
        (_template["outputs"]?.AsObject() ?? []).Select(o => KeyValuePair.Create(o.Key, Evaluate(o.Value!["value"]))));

    public JsonNode? Parameter(string name) => _parameters[name];

    public JsonNode? Variable(string name)
    {
        if (!_variables.TryGetValue(name, out var value))
        {
            var raw = _template["variables"]?[name] ?? throw new KeyNotFoundException($"No variable '{name}'{Describe()}.");
            _variables[name] = value = Evaluate(raw);
        }

        return value;
    }

    /// <summary>Evaluates a template value: expression strings (<c>[…]</c>) are evaluated, objects and arrays deeply.</summary>
    public JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // A property name can be an expression too, e.g. a user-assigned identity's resource id.
                return new JsonObject(obj.Select(p => KeyValuePair.Create(ArmFunctions.Text(Evaluate(JsonValue.Create(p.Key))), Evaluate(p.Value))));
            case JsonArray array:
                return new JsonArray([.. array.Select(Evaluate)]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('['):
                if (text.StartsWith("[[", StringComparison.Ordinal))
                {
                    return text[1..];
                }

                return Evaluate(ArmExpression.Parse(text[1..^1]));
            default:
                return node?.DeepClone();
        }
    }

    private JsonNode? Evaluate(ArmExpression expression)
    {
        switch (expression)
        {
            case ArmExpression.Literal literal:
                return literal.Value?.DeepClone();
            case ArmExpression.Member member:
                return Access(Evaluate(member.Target), member.Name);
            case ArmExpression.Index index:
                var key = Evaluate(index.Key);
                var target = Evaluate(index.Target);
                return target is JsonArray array ? array[(int)ArmFunctions.Int(key)]?.DeepClone() : Access(target, ArmFunctions.Text(key));
            case ArmExpression.Call call:
                return EvaluateCall(call);
            default:
                throw new NotSupportedException(expression.ToString());
        }
    }

    private JsonNode? EvaluateCall(ArmExpression.Call call)
    {
        JsonNode? Arg(int i) => Evaluate(call.Arguments[i]);
        switch (call.Function.ToLowerInvariant())
        {
            case "parameters":
                return _parameters[ArmFunctions.Text(Arg(0))]?.DeepClone();
            case "variables":
                return Variable(ArmFunctions.Text(Arg(0)))?.DeepClone();
            case "copyindex":
                var loop = call.Arguments.Count > 0 && Arg(0) is JsonValue v && v.TryGetValue<string>(out var named) ? named : _currentCopy;
                var offset = call.Arguments.Count > 0 && Arg(call.Arguments.Count - 1) is JsonValue o && o.GetValueKind() == System.Text.Json.JsonValueKind.Number ? ArmFunctions.Int(o) : 0;
                return _copyIndexes[loop ?? throw new InvalidOperationException("copyIndex() outside a copy loop.")] + offset;
            case "lambdavariables":
                var variable = ArmFunctions.Text(Arg(0));
                return _lambdaScopes.First(scope => scope.ContainsKey(variable))[variable]?.DeepClone();
            case "if":
                return ArmFunctions.Bool(Arg(0)) ? Arg(1) : Arg(2);
            case "map":
                return new JsonArray([.. Arg(0)!.AsArray().Select((item, i) => Apply(call.Arguments[1], item, i))]);
            case "filter":
                return new JsonArray([.. Arg(0)!.AsArray().Where((item, i) => ArmFunctions.Bool(Apply(call.Arguments[1], item, i))).Select(i => i?.DeepClone())]);
            case "toobject":
                var entries = Arg(0)!.AsArray();
                var result = new JsonObject();
                foreach (var entry in entries)
                {
                    result[ArmFunctions.Text(Apply(call.Arguments[1], entry, 0))] =
                        call.Arguments.Count > 2 ? Apply(call.Arguments[2], entry, 0) : entry?.DeepClone();
                }

                return result;
            default:
                return ArmFunctions.Call(call.Function, [.. call.Arguments.Select(Evaluate)], ResolveReference, Cloud);
        }
    }

    /// <summary>Applies <c>lambda('x', ['i',] body)</c> to an item (and its index).</summary>
    private JsonNode? Apply(ArmExpression lambda, JsonNode? item, int index)
    {
        if (lambda is not ArmExpression.Call { Function: "lambda" } call)
        {
            throw new NotSupportedException($"Expected a lambda, not {lambda}.");
        }

        var names = call.Arguments.SkipLast(1).Select(a => ArmFunctions.Text(Evaluate(a))).ToList();
        var scope = new Dictionary<string, JsonNode?> { [names[0]] = item?.DeepClone() };
        if (names.Count > 1)
        {
            scope[names[1]] = index;
        }

        _lambdaScopes.Push(scope);
        try
        {
            return Evaluate(call.Arguments[^1]);
        }
        finally
        {
            _lambdaScopes.Pop();
        }
    }

    private static JsonNode? Access(JsonNode? target, string name) => target switch
    {
        JsonObject obj => obj.TryGetPropertyValue(name, out var value)
            ? value?.DeepClone()
            : throw new KeyNotFoundException($"No property '{name}' in {obj.ToJsonString()}."),
        _ when ArmFunctions.IsOpaque(target) => ArmFunctions.Opaque(ArmFunctions.Text(target)[1..] + "." + name),
        _ => throw new InvalidOperationException($"Cannot read '{name}' of {target?.ToJsonString() ?? "null"}."),
    };

    /// <summary><c>reference()</c> of a module gives its evaluated outputs; of anything else, null (opaque).</summary>
    private JsonNode? ResolveReference(JsonNode? id)
    {
        var text = ArmFunctions.Text(id);
        var marker = "/providers/" + DeploymentsType + "/";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        EvaluateResources();
        var module = _modules[text[(at + marker.Length)..]];
        return new JsonObject { ["outputs"] = new JsonObject(module.Outputs.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)new JsonObject { ["value"] = o.Value?.DeepClone() }))) };
    }

    private void EvaluateResources()
    {
        if (_evaluated)
        {
            return;
        }

        _evaluated = true;
        foreach (var raw in _template["resources"]!.AsArray().Select(r => r!.AsObject()))
        {
            if (raw["copy"] is JsonObject copy)
            {
                var loop = copy["name"]!.GetValue<string>();
                var count = ArmFunctions.Int(Evaluate(copy["count"]));
                for (var i = 0; i < count; i++)
                {
                    _copyIndexes[loop] = i;
                    _currentCopy = loop;
                    AddResource(raw);
                }

                _currentCopy = null;
                _copyIndexes.Remove(loop);
            }
            else
            {
                AddResource(raw);
            }
        }
    }

    private void AddResource(JsonObject raw)
    {
        if (raw["condition"] is { } condition && !ArmFunctions.Bool(Evaluate(condition)))
        {
            return;
        }

        var type = raw["type"]!.GetValue<string>();
        var name = ArmFunctions.Text(Evaluate(raw["name"]));
        if (type == DeploymentsType)
        {
            var parameters = (raw["properties"]!["parameters"]?.AsObject() ?? [])
                .ToDictionary(p => p.Key, p => Evaluate(p.Value)!["value"]?.DeepClone()); // {value: …}, or an expression that gives one
            _modules[name] = new ArmTemplate(raw["properties"]!["template"]!.AsObject(), parameters, Cloud, $"{Path}/{name}");
            return;
        }

        var evaluated = new JsonObject(raw.Where(p => p.Key is not ("copy" or "condition")).Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value))));
        _resources.Add(new ArmResource(type, name, evaluated, Path));
    }

    private string Describe() => Path.Length == 0 ? string.Empty : $" {Path}";
}

/// <summary>One resource a deployment would create.</summary>
/// <param name="Type">E.g. <c>Microsoft.Storage/storageAccounts/blobServices/containers</c>.</param>
/// <param name="Name">The evaluated name, e.g. <c>stabc/default/intake-520300</c>.</param>
/// <param name="Body">The evaluated resource: <c>properties</c>, <c>sku</c>, <c>kind</c>, <c>identity</c>, <c>scope</c>, ….</param>
/// <param name="Module">The module path that deploys it, e.g. <c>/storage</c>.</param>
internal sealed record ArmResource(string Type, string Name, JsonObject Body, string Module)
{
    public JsonNode Properties => Body["properties"] ?? new JsonObject();

    /// <summary>The last segment of <see cref="Name"/>, e.g. <c>intake-520300</c>.</summary>
    public string ShortName => Name.Split('/')[^1];

    public string? Scope => Body["scope"]?.GetValue<string>();
}
