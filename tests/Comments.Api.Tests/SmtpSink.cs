using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Comments.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Comments.Api.Tests;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package): the worker sends to it over TCP and tests read
/// what arrived, parsed with MimeKit. It can answer the next messages for an address with a temporary (452) or a
/// permanent (550) refusal, to try the dispatcher's retries.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SmtpReplyCode>> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The worker's settings that send to this server.</summary>
    public IReadOnlyDictionary<string, string?> WorkerSettings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "comments@news.example",
        ["Smtp:PollInterval"] = "00:00:00.100",
        ["Smtp:RetryDelay"] = "00:00:00.200",
    };

    /// <summary>Answers the next message to <paramref name="to"/> with this code instead of accepting it.</summary>
    public void Refuse(string to, SmtpReplyCode code) => _refusals.GetOrAdd(to, _ => new()).Enqueue(code);

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1) =>
        Eventually.Until(() => Task.FromResult(To(address)), messages => messages.Count >= count,
            $"{count} mail(s) to {address} to reach the test SMTP server");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").FirstOrDefault() ?? "";
            if (sink._refusals.TryGetValue(to, out var codes) && codes.TryDequeue(out var code))
            {
                return new SmtpResponse(code, code == SmtpReplyCode.MailboxUnavailable ? "No such mailbox" : "Try again later");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            sink._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
