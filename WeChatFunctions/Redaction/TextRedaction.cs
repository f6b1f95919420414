namespace WeChatFunctions.Redaction;

/// <summary>
/// Replaces the secrets of <see cref="ISecretSource"/> in text bound for the model, embeddings, moderation or the
/// history. The secrets are read at most every <see cref="RefreshInterval"/>, so a message costs no storage call; an
/// instance that changes one says so with <see cref="Forget"/>, and other instances see it within the interval.
/// </summary>
internal sealed class TextRedaction(ISecretSource source, TimeProvider timeProvider)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private KnownSecrets? _known;

    public async ValueTask<string> RedactAsync(string text, CancellationToken cancellationToken) =>
        SecretRedactor.Redact(text, await SkeletonsAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<string>> SkeletonsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Volatile.Read(ref _known) is { } known && now < known.Until)
        {
            return known.Skeletons;
        }

        var secrets = await source.GetSecretsAsync(cancellationToken);
        var skeletons = secrets.Where(secret => secret.Length > 0).Select(SecretRedactor.SkeletonOf).Where(skeleton => skeleton.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        Volatile.Write(ref _known, new KnownSecrets(skeletons, now + RefreshInterval));
        return skeletons;
    }

    public void Forget() => Volatile.Write(ref _known, null);

    private sealed record KnownSecrets(IReadOnlyList<string> Skeletons, DateTimeOffset Until);
}
