namespace WeChatFunctions.Redaction;

/// <summary>The secrets that must never leave the app in a follower's text: the admin tokens.</summary>
internal interface ISecretSource
{
    Task<IReadOnlyList<string>> GetSecretsAsync(CancellationToken cancellationToken);
}
