using System.Security.Cryptography;

namespace Comments.Storage;

/// <summary>Short references a person can read aloud and quote, like HR-7F3K2.</summary>
public static class References
{
    /// <summary>The prefix, a dash and five characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
    public static string New(string prefix) => New(prefix, 5);

    /// <summary>
    /// A longer code for references made by the thousand (statements of reasons, one per automatic hold): with five
    /// characters one in a few hundred new ones would meet an existing one after 100,000.
    /// </summary>
    public static string New(string prefix, int length)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        Span<char> code = stackalloc char[length];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return $"{prefix}-{code}";
    }
}
