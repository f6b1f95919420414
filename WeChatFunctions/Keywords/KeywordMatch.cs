namespace WeChatFunctions.Keywords;

/// <summary>What a rule's phrases are compared with.</summary>
internal enum KeywordMatch
{
    /// <summary>The whole message equals a phrase, ignoring case, width and the white space around it.</summary>
    Exact,

    /// <summary>The message contains a phrase, ignoring case and width.</summary>
    Contains,

    /// <summary>A menu CLICK event's key, or <c>subscribe</c> and <c>qrscene_…</c> for a follow, equals a phrase.</summary>
    Key,
}
