namespace WeChatFunctions.Text;

internal static class ShortText
{
    /// <summary>The text itself when it has at most <paramref name="maxCharacters"/>, else that many and an ellipsis.</summary>
    public static string Of(string text, int maxCharacters) => text.Length <= maxCharacters ? text : text[..maxCharacters] + "…";
}
