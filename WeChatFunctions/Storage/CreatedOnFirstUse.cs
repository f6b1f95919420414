namespace WeChatFunctions.Storage;

/// <summary>
/// A resource created by the first caller that needs it and then shared, such as a table or a blob container. A
/// creation that failed is not kept: a storage hiccup or a managed identity not ready yet must not break every later
/// call until the instance recycles.
/// </summary>
internal sealed class CreatedOnFirstUse<T>(Func<Task<T>> create)
{
    private Lazy<Task<T>> _creation = new(create);

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var creation = Volatile.Read(ref _creation);
        try
        {
            return await creation.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.Value.IsFaulted)
        {
            // Only the first caller to see the failure starts over; the others already hold the fresh attempt or fail with this one.
            Interlocked.CompareExchange(ref _creation, new Lazy<Task<T>>(create), creation);
            throw;
        }
    }
}
