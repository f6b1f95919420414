using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatUsage</c> table, one partition per follower: a row per quota day (<c>yyyyMMdd</c>) with the questions
/// charged and the tokens used, and a row <c>recent</c> with the times of the latest questions. Both are read in one
/// query and written in one transaction guarded by their ETags, so a charge and its rate-limit entry land together
/// or not at all, and a conflicting write by another instance means reading again.
/// </summary>
internal sealed class TableUsageStore(TableClientProvider tables) : IUsageStore
{
    public const string TableName = "WeChatUsage";

    public const string RecentQuestionsRow = "recent";

    /// <summary>Each conflict means another change landed; a follower cannot send this many at the same instant.</summary>
    private const int MaxConflicts = 20;

    public async Task<bool> TryChangeAsync(string followerId, string day, Func<FollowerUsage, FollowerUsage?> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        for (var conflicts = 0; ; conflicts++)
        {
            var rows = await ReadAsync(table, followerId, day, cancellationToken);
            var current = rows.ToUsage();
            if (change(current) is not { } changed)
            {
                return false;
            }

            var writes = rows.WriteActions(current, changed);
            try
            {
                if (writes.Count > 0)
                {
                    await table.SubmitTransactionAsync(writes, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 && conflicts < MaxConflicts)
            {
                // Another instance changed the usage first: read it again.
            }
        }
    }

    public async Task<FollowerUsage> GetAsync(string followerId, string day, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        return (await ReadAsync(table, followerId, day, cancellationToken)).ToUsage();
    }

    /// <summary>
    /// Reads the day rows of every follower in the range. It crosses partitions, but the cleanup keeps only the last
    /// 8 days of rows, so it reads about a week of active followers; only <c>get_stat</c> asks for it.
    /// </summary>
    public async Task<IReadOnlyList<FollowerSpend>> ReadSpendAsync(string firstDay, string lastDay, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var followers = new Dictionary<string, FollowerSpend>(StringComparer.Ordinal);
        // Day keys are digits, so the "recent" rows sort after every day and fall outside the range.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {firstDay} and RowKey le {lastDay} and PartitionKey ne {TableAccountBudgetStore.Partition}");
        string[] columns = ["PartitionKey", nameof(FollowerUsage.PromptTokens), nameof(FollowerUsage.CompletionTokens)];
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            var sum = followers.GetValueOrDefault(row.PartitionKey) ?? new FollowerSpend(row.PartitionKey, 0, 0);
            followers[row.PartitionKey] = sum with
            {
                PromptTokens = sum.PromptTokens + (row.GetInt64(nameof(FollowerUsage.PromptTokens)) ?? 0),
                CompletionTokens = sum.CompletionTokens + (row.GetInt64(nameof(FollowerUsage.CompletionTokens)) ?? 0),
            };
        }

        return [.. followers.Values];
    }

    private static async Task<UsageRows> ReadAsync(TableClient table, string followerId, string day, CancellationToken cancellationToken)
    {
        TableEntity? dayRow = null, recentRow = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {followerId} and (RowKey eq {day} or RowKey eq {RecentQuestionsRow})");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == RecentQuestionsRow)
            {
                recentRow = row;
            }
            else
            {
                dayRow = row;
            }
        }

        return new UsageRows(dayRow ?? new TableEntity(followerId, day), dayRow is not null, recentRow ?? new TableEntity(followerId, RecentQuestionsRow), recentRow is not null);
    }

    private sealed record UsageRows(TableEntity Day, bool DayExists, TableEntity Recent, bool RecentExists)
    {
        public FollowerUsage ToUsage() => new(
            Day.GetInt32(nameof(FollowerUsage.Questions)) ?? 0,
            Day.GetInt64(nameof(FollowerUsage.PromptTokens)) ?? 0,
            Day.GetInt64(nameof(FollowerUsage.CompletionTokens)) ?? 0,
            ParseTimes(Recent.GetString(nameof(FollowerUsage.RecentQuestions))),
            ParseReservations(Day.GetString(nameof(FollowerUsage.Reservations))));

        /// <summary>Writes only the rows that change; an unchanged row is not part of the transaction.</summary>
        public List<TableTransactionAction> WriteActions(FollowerUsage current, FollowerUsage changed)
        {
            var actions = new List<TableTransactionAction>(2);
            if (changed.DayDiffersFrom(current))
            {
                Day[nameof(FollowerUsage.Questions)] = changed.Questions;
                Day[nameof(FollowerUsage.PromptTokens)] = changed.PromptTokens;
                Day[nameof(FollowerUsage.CompletionTokens)] = changed.CompletionTokens;
                Day[nameof(FollowerUsage.Reservations)] = FormatReservations(changed.Reservations);
                actions.Add(ActionFor(Day, DayExists));
            }

            if (!changed.RecentQuestions.SequenceEqual(current.RecentQuestions))
            {
                Recent[nameof(FollowerUsage.RecentQuestions)] = FormatTimes(changed.RecentQuestions);
                actions.Add(ActionFor(Recent, RecentExists));
            }

            return actions;
        }

        private static TableTransactionAction ActionFor(TableEntity row, bool exists) => exists
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, row);

        /// <summary>Unix milliseconds, space-separated: a handful of numbers in one string property.</summary>
        private static List<DateTimeOffset> ParseTimes(string? text) =>
            [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(time => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(time, CultureInfo.InvariantCulture)))];

        /// <summary>Space-separated <c>{message}:{tokens}:{until, Unix milliseconds}</c>: a few in flight at most.</summary>
        private static List<TokenReservation> ParseReservations(string? text) =>
            [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split(':')).Select(parts => new TokenReservation(
                parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture))))];

        private static string FormatReservations(IEnumerable<TokenReservation> reservations) =>
            string.Join(' ', reservations.Select(held => string.Create(CultureInfo.InvariantCulture, $"{held.MessageId}:{held.Tokens}:{held.Until.ToUnixTimeMilliseconds()}")));

        private static string FormatTimes(IEnumerable<DateTimeOffset> times) =>
            string.Join(' ', times.Select(time => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
    }
}
