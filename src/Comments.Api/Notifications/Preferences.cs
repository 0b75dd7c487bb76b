using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Comments.Storage.Notifications;

namespace Comments.Api.Notifications;

/// <summary>
/// The reader's mail settings. <see cref="Email"/> is the saved address, or, while nothing is saved, the address in the
/// reader's token as a suggestion (<see cref="Saved"/> false): nothing is mailed to an address the reader has not saved.
/// </summary>
public sealed record PreferencesView(string? Email, bool MailEnabled, MailLanguage Language, bool Saved)
{
    public static PreferencesView From(ReaderPreferences? saved, string? tokenEmail) => saved is null
        ? new(tokenEmail, MailEnabled: true, MailLanguage.En, Saved: false)
        : new(saved.Email, saved.MailEnabled, saved.Language, Saved: true);
}

/// <summary>An empty or absent <c>email</c> removes the address; mail is on unless <c>mailEnabled</c> is false.</summary>
public sealed record PreferencesUpdate([property: MaxLength(254)] string? Email, bool? MailEnabled, MailLanguage? Language)
{
    public string? Address => Email?.Trim() is { Length: > 0 } address ? address : null;

    /// <summary>A plain address (no display name, no line breaks): it goes into a mail header.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Address is { } address && (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.Any(char.IsControl)))
        {
            errors["email"] = ["email must be an e-mail address such as reader@example.com."];
        }
        return errors;
    }
}
