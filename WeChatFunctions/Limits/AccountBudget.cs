using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Limits;

/// <summary>
/// Holds <c>global_daily_token_limit</c> without making one hot row of it. Each instance leases a block of the day's
/// budget, holds reservations from its block in memory, settles them to what the answers really cost, and gives back
/// what is left when it stops. The budget row sees one write per block rather than one per answer. The block of an
/// instance that dies stays leased for the day: the account may fall short of its budget by that much, never go over.
/// </summary>
internal sealed class AccountBudget(IAccountBudgetStore store, IOptions<QuotaOptions> options, ILogger<AccountBudget> logger) : IHostedService, IDisposable
{
    /// <summary>A block is this share of the day's budget, so the budget row sees about this many leases a day per instance.</summary>
    private const int BlocksPerBudget = 50;

    /// <summary>Near the end of the budget a block is this share of what is left, so other instances still get some.</summary>
    private const int ShareOfRemaining = 4;

    private const int MaxLeasesPerReservation = 3;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly Dictionary<string, long> _available = new(StringComparer.Ordinal);

    private long Budget => options.Value.GlobalDailyTokenLimit;

    /// <summary>Holds <paramref name="tokens"/> of the day's budget, leasing a block first when this instance's is spent.</summary>
    /// <returns>Whether they were held; <see langword="false"/> when the day's budget cannot cover them.</returns>
    public async Task<bool> TryReserveAsync(string day, long tokens, CancellationToken cancellationToken)
    {
        if (Budget <= 0 || TryTake(day, tokens))
        {
            return true;
        }

        await _leasing.WaitAsync(cancellationToken);
        try
        {
            // Answers starting meanwhile on other threads may take from the new block first; lease again for them.
            for (var lease = 0; lease < MaxLeasesPerReservation; lease++)
            {
                if (TryTake(day, tokens))
                {
                    return true;
                }

                var shortfall = tokens - Available(day);
                var leased = await store.ChangeLeasedAsync(day, alreadyLeased => BlockFor(shortfall, Budget - alreadyLeased), cancellationToken);
                if (leased == 0)
                {
                    return false;
                }

                Add(day, leased);
                LimitsLog.BlockLeased(logger, day, leased);
            }

            return TryTake(day, tokens);
        }
        finally
        {
            _leasing.Release();
        }
    }

    /// <summary>
    /// Gives back what an answer held beyond what it used. An answer that held nothing (a whitelisted follower's, or
    /// one taken over from an instance that died) still spends from the block, so that its tokens count too.
    /// </summary>
    public void Settle(string day, long reserved, long used)
    {
        if (Budget > 0)
        {
            Add(day, reserved - used);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Gives back the unspent part of each block, and owns up to spending beyond them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        KeyValuePair<string, long>[] held;
        lock (_gate)
        {
            held = [.. _available.Where(entry => entry.Value != 0)];
            _available.Clear();
        }

        foreach (var (day, tokens) in held)
        {
            try
            {
                await store.ChangeLeasedAsync(day, _ => -tokens, cancellationToken);
                LimitsLog.BlockReturned(logger, day, tokens);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LimitsLog.BlockNotReturned(logger, day, tokens, exception);
            }
        }
    }

    public void Dispose() => _leasing.Dispose();

    /// <returns>The block to lease: enough for the shortfall, or nothing when what is left cannot cover it.</returns>
    private long BlockFor(long shortfall, long remaining) =>
        remaining < shortfall ? 0 : Math.Min(remaining, Math.Max(shortfall, Math.Min(Budget / BlocksPerBudget, remaining / ShareOfRemaining)));

    private void Add(string day, long tokens)
    {
        lock (_gate)
        {
            _available[day] = _available.GetValueOrDefault(day) + tokens;
        }
    }

    private bool TryTake(string day, long tokens)
    {
        lock (_gate)
        {
            // Blocks of earlier days are of no more use: their budget is over.
            foreach (var earlier in _available.Keys.Where(held => string.CompareOrdinal(held, day) < 0).ToList())
            {
                _available.Remove(earlier);
            }

            if (_available.GetValueOrDefault(day) < tokens)
            {
                return false;
            }

            _available[day] -= tokens;
            return true;
        }
    }

    private long Available(string day)
    {
        lock (_gate)
        {
            return _available.GetValueOrDefault(day);
        }
    }
}
