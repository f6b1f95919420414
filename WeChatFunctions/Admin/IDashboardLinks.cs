namespace WeChatFunctions.Admin;

/// <summary>Issues the one-time link to the admin dashboard, for the <c>dashboard</c> command.</summary>
internal interface IDashboardLinks
{
    /// <returns>The reply: the link and how long it is valid, or why there is none.</returns>
    Task<string> IssueAsync(CancellationToken cancellationToken);
}
