namespace WeChatFunctions.Admin;

/// <summary>The admin audit log, newest first, shared by every instance.</summary>
internal interface IAuditStore
{
    Task AddAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken);
}
