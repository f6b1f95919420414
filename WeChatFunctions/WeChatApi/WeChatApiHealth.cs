using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Limits;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WeChatApi;

/// <summary>
/// Remembers how the WeChat API last answered, for the admins (get_stat, get_config) and for the reply path: after an
/// account-wide failure (IP not whitelisted, no permission, wrong secret) answers go out passively for a while
/// instead of retrying a call that cannot work. A state is written only when it changes.
/// </summary>
internal sealed class WeChatApiHealth(
    IWeChatApiHealthStore store, QuotaDays days, TimeProvider timeProvider, IOptions<CustomerServiceOptions> options, ILogger<WeChatApiHealth> logger)
{
    /// <summary>After an account-wide failure, new answers are passive this long; then one tries the API again.</summary>
    public static readonly TimeSpan PassiveAfterFailure = TimeSpan.FromMinutes(10);

    /// <summary>How long an instance trusts the state it read; another instance's failure reaches it within this.</summary>
    private static readonly TimeSpan ReadInterval = TimeSpan.FromSeconds(30);

    private Known? _known;

    /// <summary>Whether answers may go out as customer-service messages now.</summary>
    public async Task<bool> AllowsPushesAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PushesAnswers)
        {
            return false;
        }

        var state = await CurrentAsync(cancellationToken);
        return state is not { Problem: { } problem, FailedAt: { } at } || !problem.IsAccountWide() || timeProvider.GetUtcNow() - at >= PassiveAfterFailure;
    }

    public async Task FailedAsync(string call, WeChatApiException failure)
    {
        var now = timeProvider.GetUtcNow();
        var current = await CurrentAsync(CancellationToken.None);
        // The same failure again within the minute adds nothing for the admins.
        if (current.Problem == failure.Problem && current.ErrorCode == failure.ErrorCode && now - current.FailedAt < TimeSpan.FromMinutes(1))
        {
            return;
        }

        await SaveAsync(current with { Problem = failure.Problem, ErrorCode = failure.ErrorCode, Call = call, FailedAt = now });
    }

    public async Task SucceededAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var current = await CurrentAsync(cancellationToken);
        if (current.Problem is not null || current.SucceededAt is null || now - current.SucceededAt > TimeSpan.FromHours(1))
        {
            await SaveAsync(current with { Problem = null, SucceededAt = now });
        }
    }

    /// <summary>One line for get_stat and get_config; <see langword="null"/> in passive mode, which calls no API.</summary>
    public async Task<string?> DescribeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PushesAnswers)
        {
            return null;
        }

        var state = await store.ReadAsync(cancellationToken);
        return state switch
        {
            { Problem: { } problem, FailedAt: { } at } =>
                string.Create(CultureInfo.InvariantCulture, $"客服消息：{state.Call} 返回 {state.ErrorCode}（{days.LocalTime(at):MM-dd HH:mm}）：{problem.Describe()}"),
            { SucceededAt: { } at } => string.Create(CultureInfo.InvariantCulture, $"客服消息：正常（最近一次成功 {days.LocalTime(at):MM-dd HH:mm}）"),
            _ => "客服消息：已启用，尚未调用",
        };
    }

    private async Task<WeChatApiHealthState> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Volatile.Read(ref _known) is { } known && now - known.ReadAt < ReadInterval)
        {
            return known.State;
        }

        var state = await store.ReadAsync(cancellationToken);
        Volatile.Write(ref _known, new Known(state, now));
        return state;
    }

    private async Task SaveAsync(WeChatApiHealthState state)
    {
        Volatile.Write(ref _known, new Known(state, timeProvider.GetUtcNow()));
        try
        {
            await store.SaveAsync(state, CancellationToken.None);
        }
        catch (Exception exception)
        {
            WeChatApiLog.HealthNotSaved(logger, exception);
        }
    }

    private sealed record Known(WeChatApiHealthState State, DateTimeOffset ReadAt);
}
