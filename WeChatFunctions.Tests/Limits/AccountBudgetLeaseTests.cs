using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Limits;
using WeChatFunctions.Settings;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>
/// The account's daily budget leased in blocks to instances, on Azurite: several <see cref="AccountBudget"/>s stand
/// for several instances sharing one storage account. Each test uses a day of its own.
/// </summary>
public sealed class AccountBudgetLeaseTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task InstancesReservingAtOnceNeverHoldMoreThanTheBudgetAndGiveBackWhatTheyDidNotUse()
    {
        const long budget = 10_000, reservation = 300, used = 100;
        var day = NewDay();
        var instances = new[] { NewInstance(budget), NewInstance(budget) };

        // 80 answers want 24,000 tokens between them: the budget covers 33 of them.
        var reserved = await Task.WhenAll(instances.SelectMany(instance => Enumerable.Range(0, 40).Select(async _ =>
            (instance, held: await instance.TryReserveAsync(day, reservation, CancellationToken.None)))));
        var held = reserved.Where(entry => entry.held).ToList();
        var leasedWhileHeld = await LeasedAsync(day);
        foreach (var (instance, _) in held)
        {
            instance.Settle(day, reservation, used);
        }

        foreach (var instance in instances)
        {
            await instance.StopAsync(CancellationToken.None);
        }

        Assert.True(held.Count * reservation <= budget, $"{held.Count} reservations held");
        Assert.True(held.Count * reservation > budget - (instances.Length * reservation), $"only {held.Count} reservations held: blocks went unused");
        Assert.True(leasedWhileHeld <= budget, $"{leasedWhileHeld} tokens leased");
        Assert.Equal(held.Count * used, await LeasedAsync(day));
    }

    [Fact]
    public async Task TheBlockOfAnInstanceThatDiedStaysLeasedSoTheOthersCannotOvershoot()
    {
        const long budget = 1_000;
        var day = NewDay();
        var dead = NewInstance(budget);
        var alive = NewInstance(budget);

        Assert.True(await dead.TryReserveAsync(day, 400, CancellationToken.None));
        // The dead instance never settles nor stops: its 400 stay leased for the day.
        Assert.True(await alive.TryReserveAsync(day, 600, CancellationToken.None));
        Assert.False(await alive.TryReserveAsync(day, 1, CancellationToken.None));

        alive.Settle(day, 600, 200);
        await alive.StopAsync(CancellationToken.None);
        Assert.Equal(600, await LeasedAsync(day));
    }

    [Fact]
    public async Task TokensSpentWithoutAReservationCountAgainstTheBudget()
    {
        const long budget = 1_000;
        var day = NewDay();
        var instance = NewInstance(budget);

        // A whitelisted follower's answer, or one taken over from an instance that died, reserved nothing.
        instance.Settle(day, reserved: 0, used: 900);

        Assert.False(await instance.TryReserveAsync(day, 200, CancellationToken.None));
        Assert.True(await instance.TryReserveAsync(day, 100, CancellationToken.None));
        await instance.StopAsync(CancellationToken.None);
        Assert.Equal(1_000, await LeasedAsync(day));
    }

    [Fact]
    public async Task OneThousandAnswersLeaseFromTheBudgetRowAboutTwentyFiveTimes()
    {
        const long budget = 1_000_000, reservation = 2_000, used = 500;
        var day = NewDay();
        var store = new CountingStore(new TableAccountBudgetStore(Tables()));
        var instances = new[] { NewInstance(budget, store), NewInstance(budget, store) };

        for (var answer = 0; answer < 1_000; answer++)
        {
            var instance = instances[answer % 2];
            Assert.True(await instance.TryReserveAsync(day, reservation, CancellationToken.None));
            instance.Settle(day, reservation, used);
        }

        // Blocks are 2% of the budget (20,000 tokens), each good for about 40 answers of 500 tokens.
        Assert.InRange(store.Changes, 20, 35);
        Assert.True(await LeasedAsync(day) <= budget);
    }

    private AccountBudget NewInstance(long budget, IAccountBudgetStore? store = null) => new(
        store ?? new TableAccountBudgetStore(Tables()),
        Options.Create(new QuotaOptions { GlobalDailyTokenLimit = budget }),
        NullLogger<AccountBudget>.Instance);

    private TableClientProvider Tables() => new(new TableServiceClient(fixture.Storage.ConnectionString));

    private Task<long> LeasedAsync(string day) => new TableAccountBudgetStore(Tables()).LeasedAsync(day, CancellationToken.None);

    /// <summary>A day no other test uses: the row key is a day, but any unique key serves.</summary>
    private static string NewDay() => Guid.NewGuid().ToString("N");

    /// <summary>Counts the changes made to the budget row.</summary>
    private sealed class CountingStore(IAccountBudgetStore inner) : IAccountBudgetStore
    {
        private int _changes;

        public int Changes => _changes;

        public Task<long> ChangeLeasedAsync(string day, Func<long, long> change, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _changes);
            return inner.ChangeLeasedAsync(day, change, cancellationToken);
        }

        public Task<long> LeasedAsync(string day, CancellationToken cancellationToken) => inner.LeasedAsync(day, cancellationToken);
    }
}
