using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Keywords;

/// <summary>
/// Every rule in force: those admins added, read from storage at most every 5 seconds on each instance, so that every
/// instance sees a change within seconds, and those of <c>keywords_file</c>. A stored rule wins over a file rule that
/// shares one of its phrases and its kind of match. Exact rules are tried before contains rules, each in order.
/// </summary>
internal sealed class KeywordBook(IKeywordStore store, KeywordsFile file, IOptions<KeywordOptions> options, TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private StoredRules? _stored;

    /// <returns>The rule a typed or spoken message fires, or <see langword="null"/>.</returns>
    public async Task<KeywordRule?> FindForTextAsync(string text, CancellationToken cancellationToken)
    {
        var rules = await AllAsync(cancellationToken);
        var folded = KeywordRule.Fold(text);
        return rules.FirstOrDefault(rule => rule.Match == KeywordMatch.Exact && rule.MatchesText(folded))
            ?? rules.FirstOrDefault(rule => rule.Match == KeywordMatch.Contains && rule.MatchesText(folded));
    }

    /// <returns>The rule bound to a menu CLICK key, <c>subscribe</c> or a QR scene, or <see langword="null"/>.</returns>
    public async Task<KeywordRule?> FindForKeyAsync(string key, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(rule => rule.MatchesKey(key));

    public async Task<IReadOnlyList<KeywordRule>> AllAsync(CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(cancellationToken);
        var overridden = stored.SelectMany(rule => rule.Phrases.Select(phrase => (rule.Match, Phrase: phrase.ToUpperInvariant()))).ToHashSet();
        return [.. stored, .. file.RulesOf(options.Value.KeywordsFile).Where(rule => !rule.Phrases.Any(phrase => overridden.Contains((rule.Match, phrase.ToUpperInvariant()))))];
    }

    /// <summary>A change made on this instance is seen here at once.</summary>
    public void Forget() => Volatile.Write(ref _stored, null);

    private async Task<IReadOnlyList<KeywordRule>> StoredAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _stored) is { } fresh && timeProvider.GetUtcNow() - fresh.ReadAt < CacheLifetime)
        {
            return fresh.Rules;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _stored) is { } read && timeProvider.GetUtcNow() - read.ReadAt < CacheLifetime)
            {
                return read.Rules;
            }

            var rules = await store.ListAsync(cancellationToken);
            Volatile.Write(ref _stored, new StoredRules(rules, timeProvider.GetUtcNow()));
            return rules;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();

    private sealed record StoredRules(IReadOnlyList<KeywordRule> Rules, DateTimeOffset ReadAt);
}
