using Microsoft.Extensions.AI;

namespace WeChatFunctions.Model;

/// <summary>
/// The moment by which a model call must have produced its answer for the follower to see it in WeChat's window.
/// It travels with the call in <see cref="ChatOptions.AdditionalProperties"/>, where the delegating clients read it.
/// </summary>
internal static class ModelDeadline
{
    private const string PropertyName = "wechatfunctions.deadline";

    public static ChatOptions WithDeadline(this ChatOptions options, DateTimeOffset deadline)
    {
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyName] = deadline;
        return options;
    }

    public static DateTimeOffset? DeadlineOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && value is DateTimeOffset deadline ? deadline : null;
}
