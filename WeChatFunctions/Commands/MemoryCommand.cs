using System.Globalization;
using System.Text;
using WeChatFunctions.Memory;
using WeChatFunctions.Text;

namespace WeChatFunctions.Commands;

/// <summary>
/// <c>/memory</c>: the facts remembered about the follower, numbered oldest first, a WeChat message per page
/// (<c>/memory 2</c> for the second); <c>/memory forget N</c> deletes one, <c>/memory clear</c> all of them.
/// </summary>
internal sealed class MemoryCommand(IMemoryStore memory)
{
    public async Task<string> RunAsync(string followerId, string argument, CancellationToken cancellationToken) =>
        argument.ToLowerInvariant().Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries) switch
        {
            [] => ListPage(await memory.ReadAsync(followerId, cancellationToken), 1),
            [var page] when NumberOf(page) is { } number => ListPage(await memory.ReadAsync(followerId, cancellationToken), number),
            ["forget", var fact] when NumberOf(fact) is { } number => await ForgetAsync(followerId, number, cancellationToken),
            ["clear"] => FollowerCommandTexts.MemoryCleared(await memory.ClearAsync(followerId, cancellationToken)),
            _ => FollowerCommandTexts.Usage("memory"),
        };

    private async Task<string> ForgetAsync(string followerId, int number, CancellationToken cancellationToken)
    {
        RememberedFact? forgotten = null;
        var left = await memory.ChangeAsync(
            followerId,
            facts =>
            {
                forgotten = number <= facts.Count ? facts[number - 1] : null;
                return FactBook.Without(facts, number);
            },
            cancellationToken);
        return forgotten is null ? FollowerCommandTexts.NoSuchMemory(number, left.Count) : FollowerCommandTexts.MemoryForgotten(number, forgotten.Text);
    }

    /// <summary>Page <paramref name="page"/> of the numbered list, whole lines only, each page within one WeChat message.</summary>
    private static string ListPage(IReadOnlyList<RememberedFact> facts, int page)
    {
        if (facts.Count == 0)
        {
            return FollowerCommandTexts.NoMemories;
        }

        var pages = Paged(facts.Select((fact, index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1}. {fact.Text}")));
        return page > pages.Count
            ? FollowerCommandTexts.NoSuchMemoryPage(pages.Count)
            : FollowerCommandTexts.Memories(facts.Count, pages[page - 1], page, pages.Count);
    }

    private static List<string> Paged(IEnumerable<string> lines)
    {
        const int budget = Utf8Pages.WeChatTextLimitBytes - FollowerCommandTexts.MemoriesFrameBytes;
        var pages = new List<string>();
        var current = new StringBuilder();
        var bytes = 0;
        foreach (var line in lines)
        {
            var lineBytes = Encoding.UTF8.GetByteCount(line) + 1;
            if (bytes > 0 && bytes + lineBytes > budget)
            {
                pages.Add(current.ToString());
                (current, bytes) = (new StringBuilder(), 0);
            }

            current.Append(bytes > 0 ? "\n" : "").Append(line);
            bytes += lineBytes;
        }

        pages.Add(current.ToString());
        return pages;
    }

    private static int? NumberOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;
}
