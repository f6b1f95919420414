using WeChatFunctions.Statistics;

namespace WeChatFunctions.Speech;

/// <summary>The names voices are counted under in the daily statistics, one per outcome.</summary>
internal static class HearingStatistics
{
    public static string NameOf(HearingOutcome outcome) => outcome switch
    {
        HearingOutcome.Heard => HeardVoiceOutcome.Heard,
        HearingOutcome.Empty => HeardVoiceOutcome.Empty,
        HearingOutcome.NotAuthorised => HeardVoiceOutcome.NotAuthorised,
        HearingOutcome.DownloadFailed => HeardVoiceOutcome.DownloadFailed,
        HearingOutcome.ProviderFailed => HeardVoiceOutcome.ProviderFailed,
        HearingOutcome.TimedOut => HeardVoiceOutcome.TimedOut,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only a finished hearing is counted."),
    };
}
