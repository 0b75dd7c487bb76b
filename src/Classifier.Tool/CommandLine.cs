using Comments.Moderation.Classification;

namespace Classifier.Tool;

/// <summary>A command and its <c>--name value</c> options; a <c>--flag</c> followed by another option or nothing is a switch.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = [];

    public string Command { get; private init; } = "";

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine { Command = args.FirstOrDefault() ?? "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            var isSwitch = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            line._options[args[i][2..]] = isSwitch ? "true" : args[++i];
        }
        return line;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string Get(string name, string fallback) => _options.GetValueOrDefault(name, fallback);

    public string Require(string name) =>
        _options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public IReadOnlyList<ClassifierKind> Kinds(bool allowAll)
    {
        var model = Get("model", allowAll ? "all" : "");
        return model switch
        {
            "toxicity" => [ClassifierKind.Toxicity],
            "spam" => [ClassifierKind.Spam],
            "all" when allowAll => [ClassifierKind.Toxicity, ClassifierKind.Spam],
            _ => throw new ArgumentException("--model must be toxicity or spam" + (allowAll ? " or all" : "")),
        };
    }
}
