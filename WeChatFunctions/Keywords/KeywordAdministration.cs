using System.Globalization;

namespace WeChatFunctions.Keywords;

/// <summary>
/// The admin commands for keyword rules: <c>add_keyword</c>, <c>remove_keyword</c>, <c>list_keywords</c> and
/// <c>test_keyword</c>. The admin command runner audits each, as it does every command.
/// </summary>
internal sealed class KeywordAdministration(IKeywordStore store, KeywordBook book)
{
    /// <param name="arguments">The command's third line, the match and phrases, then the reply on the lines after it.</param>
    /// <returns>Whether the rule was added, and the reply, or what is wrong with the arguments.</returns>
    public async Task<(bool Added, string Text)> AddAsync(string arguments, CancellationToken cancellationToken)
    {
        var newLine = arguments.IndexOf('\n', StringComparison.Ordinal);
        var rule = KeywordRule.TryParse(newLine < 0 ? arguments : arguments[..newLine], newLine < 0 ? "" : arguments[(newLine + 1)..], out var problem);
        if (rule is null)
        {
            return (false, problem);
        }

        rule = rule with { Id = "k" + Random.Shared.Next(0x10000, 0x100000).ToString("x5", CultureInfo.InvariantCulture) };
        await store.SaveAsync(rule, cancellationToken);
        book.Forget();
        return (true, $"已添加关键词回复 {rule.Id}：{rule.Describe()}");
    }

    /// <param name="idOrPhrase">The rule's id, or its first phrase.</param>
    /// <returns>The reply, or <see langword="null"/> when no stored rule has that id or first phrase.</returns>
    public async Task<string?> RemoveAsync(string idOrPhrase, CancellationToken cancellationToken)
    {
        var rules = await store.ListAsync(cancellationToken);
        var rule = rules.FirstOrDefault(rule => rule.Id == idOrPhrase.Trim()) ?? rules.FirstOrDefault(rule => rule.Phrases[0] == idOrPhrase.Trim());
        if (rule is null || !await store.RemoveAsync(rule.Id, cancellationToken))
        {
            return null;
        }

        book.Forget();
        return $"已删除关键词回复 {rule.Describe()}";
    }

    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var rules = await book.AllAsync(cancellationToken);
        return rules.Count == 0
            ? "还没有关键词回复。"
            : $"关键词回复（{rules.Count} 条，f 开头的来自 keywords_file）：\n" + string.Join('\n', rules.Select(rule => rule.Describe()));
    }

    public async Task<string> TestAsync(string text, CancellationToken cancellationToken)
    {
        var rule = await book.FindForTextAsync(text, cancellationToken) ?? await book.FindForKeyAsync(text, cancellationToken);
        return rule is null ? $"「{text}」不会触发任何关键词回复，会交给模型回答。" : $"「{text}」会触发 {rule.Describe()}\n\n回复：\n{rule.Reply}";
    }
}
