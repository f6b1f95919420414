namespace WeChatFunctions.Dialog;

/// <summary>A question for the dialog, with the start of its answer when an earlier generation of it broke off.</summary>
/// <param name="MessageId">The message that asked it, whose reply claim its tool calls are recorded beside.</param>
/// <param name="FirstArrival">When the message first arrived.</param>
/// <param name="Generation">The reply claim's generation: above 0, an instance took over and replays the calls recorded before.</param>
/// <param name="AnswerSoFar">Text an instance that died had generated and saved; the model is asked to go on from it.</param>
/// <param name="Known">The follower's turns and pending image as the message reads them; without it, or when that read fails, they are read for the prompt.</param>
internal sealed record DialogQuestion(
    string FollowerId, string Text, string MessageId, DateTimeOffset FirstArrival, int Generation = 0, string AnswerSoFar = "", Task<FollowerContext?>? Known = null);
