namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>Which host reads a setting; docs/configuration.md has a level-2 heading for each.</summary>
internal enum HostKind { Both, Api, Worker }

/// <summary>One configuration key a host reads, with the default the code gives it and where that is.</summary>
internal sealed record Setting(string Key, HostKind Host, Type Type, object? CodeDefault, string ReadBy)
{
    /// <summary>The environment variable for the key; a list's items are <c>__0</c>, <c>__1</c>, ...</summary>
    public string Variable => Key.Replace(":", "__") + (IsList ? "__0" : "");

    public bool IsList => Type != typeof(string) && Type.IsAssignableTo(typeof(System.Collections.IEnumerable));
}
