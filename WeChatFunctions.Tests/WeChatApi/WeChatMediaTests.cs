using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChat;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Tests.WeChatApi;

/// <summary>Temporary media against the simulator's WeChat API, through the app's own client and token.</summary>
public sealed class WeChatMediaTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task AFollowersVoiceDownloadsAndAnUploadedPictureComesBackByItsId()
    {
        await using var account = VerifiedAccount.Start();
        var voiceId = account.Api.Media.Add([0x23, 0x21, 0x41, 0x4D, 0x52, 0x0A, 1, 2, 3], "audio/amr");
        using var app = fixture.StartApplication(settings => account.Configure(settings, "passive"));
        var media = app.Services.GetRequiredService<WeChatMedia>();

        var voice = await media.DownloadAsync(voiceId, CancellationToken.None);
        var pictureId = await media.UploadAsync(new MediaUpload(MediaKind.Image, Encoding.ASCII.GetBytes("\x89PNG picture"), "picture.png", "image/png"), CancellationToken.None);

        Assert.Equal(account.Api.Media.Find(voiceId)!.Content, voice.Content);
        Assert.Equal("audio/amr", voice.ContentType);
        var uploaded = Assert.Single(account.Api.Media.Uploads);
        Assert.Equal(pictureId, uploaded.MediaId);
        Assert.Equal(("image", "picture.png", "image/png"), (uploaded.Type, uploaded.FileName, uploaded.ContentType));
        Assert.Equal(Encoding.ASCII.GetBytes("\x89PNG picture"), uploaded.Content);
    }

    [Fact]
    public async Task AnUnverifiedAccountsRefusalAndAnUnknownIdAreWeChatErrors()
    {
        await using var account = VerifiedAccount.Start();
        using var app = fixture.StartApplication(settings => account.Configure(settings, "passive"));
        var media = app.Services.GetRequiredService<WeChatMedia>();

        var unknown = await Assert.ThrowsAsync<WeChatApiException>(() => media.DownloadAsync("no-such-media", CancellationToken.None));
        account.Api.Fault = call => call == WeChatMedia.UploadCall ? 48001 : null;
        var refused = await Assert.ThrowsAsync<WeChatApiException>(
            () => media.UploadAsync(new MediaUpload(MediaKind.Voice, [1, 2, 3], "answer.mp3", "audio/mpeg"), CancellationToken.None));

        Assert.Equal(40007, unknown.ErrorCode);
        Assert.Equal(WeChatApiProblem.NotAuthorised, refused.Problem);
        Assert.Empty(account.Api.Media.Uploads);
    }
}
