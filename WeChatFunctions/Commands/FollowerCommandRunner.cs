using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Commands;

/// <summary>
/// Runs a follower's own commands. They are answered directly: they never reach the model and cost no quota. Bad
/// arguments get a one-line usage and change nothing.
/// </summary>
internal sealed class FollowerCommandRunner(
    IPreferenceStore preferences,
    IConversationStore conversations,
    MemoryCommand memory,
    Quota quota,
    PictureQuota pictures,
    TimeProvider timeProvider,
    IOptions<ModelOptions> modelOptions,
    IOptions<ReplyWindowOptions> windowOptions,
    IOptions<ImageGenerationOptions> pictureOptions)
{
    private const string ResetArgument = "reset";

    public async Task<string> RunAsync(string followerId, FollowerPolicy policy, FollowerCommand command, CancellationToken cancellationToken) => command.Name switch
    {
        "help" => FollowerCommandTexts.Help(windowOptions.Value.ContinueKeyword, pictureOptions.Value.IsOn),
        "reset" => await DoneAsync(conversations.StartSessionAsync(followerId, cancellationToken), FollowerCommandTexts.Reset),
        "prompt" => await PromptAsync(followerId, command.Argument, cancellationToken),
        "model" => await ModelAsync(followerId, command.Argument, cancellationToken),
        "temperature" => await TemperatureAsync(followerId, command.Argument, cancellationToken),
        "usage" => await UsageAsync(followerId, policy, cancellationToken),
        "settings" => await SettingsAsync(followerId, policy, cancellationToken),
        "memory" => await memory.RunAsync(followerId, command.Argument, cancellationToken),
        var name => FollowerCommandTexts.Usage(name),
    };

    private async Task<string> PromptAsync(string followerId, string argument, CancellationToken cancellationToken)
    {
        var current = await preferences.GetAsync(followerId, cancellationToken);
        return argument switch
        {
            "" => FollowerCommandTexts.ShowPrompt(current.SystemPrompt),
            ResetArgument => await DoneAsync(preferences.SaveAsync(followerId, current with { SystemPrompt = null }, cancellationToken), FollowerCommandTexts.PromptReset),
            { Length: > FollowerCommandTexts.MaxPromptCharacters } => FollowerCommandTexts.Usage("prompt"),
            _ => await DoneAsync(preferences.SaveAsync(followerId, current with { SystemPrompt = argument }, cancellationToken), FollowerCommandTexts.PromptSaved),
        };
    }

    private async Task<string> ModelAsync(string followerId, string argument, CancellationToken cancellationToken)
    {
        var allowed = modelOptions.Value.AllowedModelList;
        var current = await preferences.GetAsync(followerId, cancellationToken);
        if (argument.Length == 0)
        {
            return FollowerCommandTexts.Models(ModelOf(current), allowed);
        }

        var chosen = allowed.FirstOrDefault(model => model.Equals(argument, StringComparison.OrdinalIgnoreCase));
        return chosen is null
            ? FollowerCommandTexts.UnknownModel(argument, allowed)
            : await DoneAsync(preferences.SaveAsync(followerId, current with { Model = chosen }, cancellationToken), FollowerCommandTexts.ModelSaved(chosen));
    }

    private async Task<string> TemperatureAsync(string followerId, string argument, CancellationToken cancellationToken)
    {
        double? temperature;
        if (argument == ResetArgument)
        {
            temperature = null;
        }
        else if (double.TryParse(argument, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 2)
        {
            temperature = value;
        }
        else
        {
            return FollowerCommandTexts.Usage("temperature");
        }

        var current = await preferences.GetAsync(followerId, cancellationToken);
        await preferences.SaveAsync(followerId, current with { Temperature = temperature }, cancellationToken);
        return FollowerCommandTexts.TemperatureSaved(temperature);
    }

    private async Task<string> UsageAsync(string followerId, FollowerPolicy policy, CancellationToken cancellationToken)
    {
        var used = await quota.TodayAsync(followerId, cancellationToken);
        var hoursUntilReset = quota.HoursUntilReset(timeProvider.GetUtcNow());
        return FollowerCommandTexts.QuestionsToday(used.Questions, quota.LimitOf(followerId, policy), hoursUntilReset)
            + FollowerCommandTexts.TokensToday(used.Tokens, quota.TokenLimitOf(followerId, policy))
            + (pictureOptions.Value.IsOn ? FollowerCommandTexts.PicturesToday(used.Pictures.Count, pictures.LimitOf(followerId, policy)) : "");
    }

    private async Task<string> SettingsAsync(string followerId, FollowerPolicy policy, CancellationToken cancellationToken)
    {
        var current = await preferences.GetAsync(followerId, cancellationToken);
        return FollowerCommandTexts.Settings(current.SystemPrompt, ModelOf(current), current.Temperature, quota.LimitOf(followerId, policy));
    }

    /// <summary>A model the follower chose that the operator has since removed from allowed_models is no longer used.</summary>
    private string ModelOf(FollowerPreferences current) =>
        current.Model is { } chosen && modelOptions.Value.AllowedModelList.Contains(chosen) ? chosen : modelOptions.Value.Model;

    private static async Task<string> DoneAsync(Task change, string reply)
    {
        await change;
        return reply;
    }
}
