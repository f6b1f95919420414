using Azure.Core;
using Azure.Core.Pipeline;

namespace WeChatFunctions.Storage;

/// <summary>
/// Counts the tries of the table calls made while it is being watched (<see cref="Watch"/>). A conflict met on the
/// first try is another writer's; only one met on a retry may be this call's own first try, which landed but whose
/// response was lost, and only that needs a read to tell.
/// </summary>
internal sealed class CallTries
{
    private const string PropertyName = "WeChatFunctions.Storage.CallTries";

    private int _count;

    public bool WereRetried => Volatile.Read(ref _count) > 1;

    /// <summary>Counts the tries of the calls started until the returned scope is disposed.</summary>
    public IDisposable Watch() => HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [PropertyName] = this });

    /// <summary>Called for every try of every table call.</summary>
    public static void Count(HttpMessage message)
    {
        if (message.TryGetProperty(PropertyName, out var watching) && watching is CallTries tries)
        {
            Interlocked.Increment(ref tries._count);
        }
    }
}
