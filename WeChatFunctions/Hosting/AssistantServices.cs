using WeChatFunctions.Admin;
using WeChatFunctions.Answering;
using WeChatFunctions.Background;
using WeChatFunctions.Claims;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Commands;
using WeChatFunctions.Dashboard;
using WeChatFunctions.Dialog;
using WeChatFunctions.Functions;
using WeChatFunctions.Images;
using WeChatFunctions.Keywords;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Limits;
using WeChatFunctions.Links;
using WeChatFunctions.Memory;
using WeChatFunctions.Mcp;
using WeChatFunctions.Messages;
using WeChatFunctions.Model;
using WeChatFunctions.Moderation;
using WeChatFunctions.Paging;
using WeChatFunctions.Pictures;
using WeChatFunctions.Pushing;
using WeChatFunctions.Redaction;
using WeChatFunctions.Settings;
using WeChatFunctions.Speech;
using WeChatFunctions.Statistics;
using WeChatFunctions.Storage;
using WeChatFunctions.Telemetry;
using WeChatFunctions.Tools;
using WeChatFunctions.WeChat;
using WeChatFunctions.WeChatApi;
using WeChatFunctions.WebSearch;

namespace WeChatFunctions.Hosting;

internal static class AssistantServices
{
    /// <summary>Everything the assistant needs, the same under the Functions host and standalone.</summary>
    public static IHostApplicationBuilder AddAssistant(this IHostApplicationBuilder builder)
    {
        // A settings failure is reported as one line by Program; the host's own multi-page stack trace of it helps no one.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddAssistant(builder.Configuration);
        return builder;
    }

    private static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddSingleton(TimeProvider.System)
            .AddSettings()
            .AddTelemetry(configuration)
            .AddWeChat()
            .AddFunctionEndpoints()
            .AddBackgroundWork()
            .AddMessageClaims()
            .AddLimits()
            .AddStatistics()
            .AddDialog()
            .AddImages()
            .AddPaging()
            .AddAnswering()
            .AddWeChatApi()
            .AddPushing()
            .AddKeywords()
            .AddKnowledge()
            .AddLinks()
            .AddAdminCommands()
            .AddRedaction()
            .AddDashboard()
            .AddFollowerCommands()
            .AddCleanup()
            .AddMessageHandling()
            .AddModel()
            .AddModeration()
            .AddTools()
            .AddMcp()
            .AddMemory()
            .AddWebSearch()
            .AddSpeech()
            .AddTranscription()
            .AddVoiceReplies()
            .AddPictures()
            .AddTableStorage();
}
