using Azure.Core;
using Azure.Core.Pipeline;
using WeChatFunctions.Answering;

namespace WeChatFunctions.Storage;

/// <summary>
/// Times every try of every table call, failed ones too, for <see cref="InstanceLag"/>: a round trip that takes
/// seconds means this instance or its storage is overloaded, and so are its heartbeats. Counts the tries, too, for
/// callers that watch them (<see cref="CallTries"/>).
/// </summary>
internal sealed class RoundTripLagPolicy(InstanceLag lag, TimeProvider timeProvider) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CallTries.Count(message);
        var started = timeProvider.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            lag.Observe(timeProvider.GetElapsedTime(started));
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        CallTries.Count(message);
        var started = timeProvider.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            lag.Observe(timeProvider.GetElapsedTime(started));
        }
    }
}
