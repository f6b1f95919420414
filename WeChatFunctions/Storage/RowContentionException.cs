namespace WeChatFunctions.Storage;

/// <summary>A row of <paramref name="table"/> changed under every one of <paramref name="attempts"/> read-modify-writes.</summary>
internal sealed class RowContentionException(string table, int attempts)
    : Exception($"A row of {table} was changed by other writers during each of {attempts} attempts; the change was given up.");
