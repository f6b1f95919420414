namespace WeChatFunctions.Limits;

/// <summary>How much of the account's daily token budget the instances have leased, one row per quota day.</summary>
internal interface IAccountBudgetStore
{
    /// <summary>
    /// Reads the tokens leased on <paramref name="day"/> and adds what <paramref name="change"/> makes of them, reading
    /// again when another instance wrote first. A negative change gives tokens back.
    /// </summary>
    /// <returns>The change made.</returns>
    Task<long> ChangeLeasedAsync(string day, Func<long, long> change, CancellationToken cancellationToken);

    Task<long> LeasedAsync(string day, CancellationToken cancellationToken);
}
