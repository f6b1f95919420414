using WeChatFunctions.Statistics;

namespace WeChatFunctions.Speech;

/// <summary>The names voices are counted under in the daily statistics, one per outcome.</summary>
internal static class HearingStatistics
{
    public static string NameOf(HearingOutcome outcome) => outcome switch
    {
        HearingOutcome.Heard => VoiceOutcomes.Heard,
        HearingOutcome.Empty => VoiceOutcomes.Empty,
        HearingOutcome.NotAuthorised => VoiceOutcomes.NotAuthorised,
        HearingOutcome.DownloadFailed => VoiceOutcomes.DownloadFailed,
        HearingOutcome.ProviderFailed => VoiceOutcomes.ProviderFailed,
        HearingOutcome.TimedOut => VoiceOutcomes.TimedOut,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only a finished hearing is counted."),
    };
}
