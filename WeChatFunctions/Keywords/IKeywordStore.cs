namespace WeChatFunctions.Keywords;

/// <summary>The rules admins add from WeChat, shared by every instance.</summary>
internal interface IKeywordStore
{
    Task<IReadOnlyList<KeywordRule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores the rule under its id, replacing a rule with the same id.</summary>
    Task SaveAsync(KeywordRule rule, CancellationToken cancellationToken);

    /// <returns>Whether a rule with the id existed.</returns>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
}
