using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Moderation;

/// <summary>The <c>keywords</c> mode: the words of <c>banned_words</c> and <c>banned_words_file</c>, loaded once at start-up.</summary>
internal sealed class KeywordModerator(IOptions<ModerationOptions> options) : IContentModerator
{
    private readonly BannedWords _words = new(BannedWords.Split(options.Value.BannedWords).Concat(
        string.IsNullOrWhiteSpace(options.Value.BannedWordsFile) ? [] : BannedWords.Split(File.ReadAllText(options.Value.BannedWordsFile))));

    public Task<bool> IsBlockedAsync(string text, CancellationToken cancellationToken) => Task.FromResult(_words.AnyIn(text));
}
