using System.Diagnostics;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Delivers a push the way WeChat does: each attempt gets 5 s, then the connection is dropped and the same body is
/// sent again, three attempts in all, each to whichever instance <c>route</c> picks. The first attempt that gets an
/// HTTP response is the one the follower sees.
/// </summary>
public sealed class WeChatPlatform(params WeChatClient[] instances)
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    public const int Attempts = 3;

    private readonly TaskCompletionSource[] _attemptsStarted =
        [.. Enumerable.Range(0, Attempts).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

    /// <summary>Completes when attempt <paramref name="attempt"/> (1 to 3) of this platform's first delivery is sent.</summary>
    public Task AttemptStarted(int attempt) => _attemptsStarted[attempt - 1].Task;

    /// <param name="route">Which instance gets attempt 1, 2 and 3; by default instances take turns.</param>
    public async Task<Delivery> DeliverAsync(SignedPush push, Func<int, WeChatClient>? route = null)
    {
        var clock = Stopwatch.StartNew();
        var attempts = new List<string>();
        // Every attempt is the same signed request: the first one's timestamp and nonce, and the same body.
        push = push with { StampedAt = push.StampedAt ?? DateTimeOffset.UtcNow, Nonce = push.Nonce ?? WeChatClient.NewNonce() };
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var instance = route?.Invoke(attempt) ?? instances[(attempt - 1) % instances.Length];
            var attemptStart = AttemptTimeout * (attempt - 1);
            using var timeout = new CancellationTokenSource(attemptStart + AttemptTimeout - clock.Elapsed);
            _attemptsStarted[attempt - 1].TrySetResult();
            try
            {
                var reply = await instance.PushAsync(push, timeout.Token);
                return new Delivery(attempt, reply, clock.Elapsed, attempts);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException)
            {
                attempts.Add($"attempt {attempt}: {exception.GetType().Name} at {clock.Elapsed.TotalSeconds:F1} s");
                var nextAttempt = AttemptTimeout * attempt - clock.Elapsed;
                if (nextAttempt > TimeSpan.Zero && attempt < Attempts)
                {
                    await Task.Delay(nextAttempt);
                }
            }
        }

        return new Delivery(0, null, clock.Elapsed, attempts);
    }
}

/// <summary>Which attempt answered, its reply, when, and what happened to the attempts before it.</summary>
public sealed record Delivery(int Attempt, WeChatReplyView? Reply, TimeSpan Elapsed, IReadOnlyList<string> FailedAttempts)
{
    /// <summary>The text the follower sees; WeChat shows its own error when no attempt got a reply.</summary>
    public string Content => Reply?.Content ?? throw new InvalidOperationException(
        $"该公众号暂时无法提供服务，请稍后再试 (no attempt got a reply: {string.Join("; ", FailedAttempts)})");
}
