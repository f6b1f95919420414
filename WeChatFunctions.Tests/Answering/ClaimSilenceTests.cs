using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tests.Answering;

/// <summary>When a generating claim counts as abandoned, with the default claim timeout of 5 s.</summary>
public sealed class ClaimSilenceTests
{
    private static readonly DateTimeOffset Landed = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Landed);
    private readonly InstanceLag _lag;
    private readonly ClaimSilence _silence;

    public ClaimSilenceTests()
    {
        _lag = new InstanceLag(_clock);
        _silence = new ClaimSilence(_lag, _clock, Options.Create(new ReplyWindowOptions()));
    }

    [Theory]
    [InlineData(4.9, false)]
    [InlineData(5.1, true)]
    public void AClaimIsAbandonedOnceItsLastSaveLandedLongerAgoThanTheClaimTimeout(double secondsSilent, bool abandoned) =>
        Assert.Equal(abandoned, _silence.IsAbandoned(SavedAndReadAfter(secondsSilent)));

    [Fact]
    public void SilenceRunsFromWhenTheSaveLandedNotFromWhenTheOwnerMadeIt()
    {
        // The owner made the save 8 s before it landed, as an overloaded instance does.
        var claim = SavedAndReadAfter(3) with { ProgressAt = Landed.AddSeconds(-8) };

        Assert.False(_silence.IsAbandoned(claim));
    }

    [Theory]
    [InlineData(7.9, false)]
    [InlineData(8.1, true)]
    public void AnOwnerThatReportedRunningLateGetsAsMuchMoreTime(double secondsSilent, bool abandoned) =>
        Assert.Equal(abandoned, _silence.IsAbandoned(SavedAndReadAfter(secondsSilent) with { OwnerLag = TimeSpan.FromSeconds(3) }));

    [Theory]
    [InlineData(7.9, false)]
    [InlineData(8.1, true)]
    public void AJudgeThatIsRunningLateGivesAsMuchMoreTime(double secondsSilent, bool abandoned)
    {
        _lag.Observe(TimeSpan.FromSeconds(3));

        Assert.Equal(abandoned, _silence.IsAbandoned(SavedAndReadAfter(secondsSilent)));
    }

    [Fact]
    public void TheJudgesLatenessIsForgottenOnceItHasRunOnTimeForTwentySeconds()
    {
        _lag.Observe(TimeSpan.FromSeconds(3));
        _clock.Advance(TimeSpan.FromSeconds(21));

        Assert.True(_silence.IsAbandoned(SavedAndReadAfter(5.1)));
    }

    [Fact]
    public void TheExtraTimeIsNeverMoreThanASecondClaimTimeout() =>
        Assert.True(_silence.IsAbandoned(SavedAndReadAfter(10.1) with { OwnerLag = TimeSpan.FromMinutes(1) }));

    [Fact]
    public void AClaimReleasedOnShutdownIsAbandonedAtOnce() =>
        Assert.True(_silence.IsAbandoned(SavedAndReadAfter(0.1) with { ProgressAt = DateTimeOffset.UnixEpoch }));

    [Fact]
    public void AFinishedAnswerIsNeverAbandoned()
    {
        var claim = SavedAndReadAfter(60) with { Answer = new AnswerSnapshot("回答", AnswerStatus.Complete) };

        Assert.False(_silence.IsAbandoned(claim));
        Assert.Equal(TimeSpan.MaxValue, _silence.TimeLeft(claim));
    }

    [Fact]
    public void AClaimReadWithoutTheServicesTimeIsJudgedByThisInstancesClock()
    {
        var claim = SavedAndReadAfter(0) with { ReadAt = null };
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        var beforeTimeout = _silence.IsAbandoned(claim);
        _clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.False(beforeTimeout);
        Assert.True(_silence.IsAbandoned(claim));
    }

    private static ReplyClaim SavedAndReadAfter(double seconds) =>
        ReplyClaim.New(new MessageKey("o_follower", "m1"), "问题", Landed.AddSeconds(-1)) with
        {
            ProgressAt = Landed,
            SavedAt = Landed,
            ReadAt = Landed.AddSeconds(seconds),
        };
}
