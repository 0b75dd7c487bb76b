using System.ComponentModel.DataAnnotations;

namespace Moderation.Worker.Mail;

/// <summary>
/// Section <c>Smtp</c>: the server the worker sends readers' mail through. Without a host nothing is sent and the
/// mail stays recorded in <c>outgoing_mail</c> (development).
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }
    [Range(1, 65_535)] public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [Required, EmailAddress] public string FromAddress { get; set; } = "comments@localhost";
    public string FromName { get; set; } = "Comments";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    [Range(1, 500)] public int BatchSize { get; set; } = 50;

    /// <summary>The wait after the first failed attempt; it doubles with each further one, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    [Range(1, 50)] public int MaxAttempts { get; set; } = 10;

    /// <summary>Mail still unsent this long after it was written is given up, so an old backlog never goes out late.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or network.</summary>
    None,
    StartTls,
    SslOnConnect,
}
