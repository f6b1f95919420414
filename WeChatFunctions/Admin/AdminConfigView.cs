using System.Globalization;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Admin;

/// <summary>
/// The reply to <c>get_config</c>: every effective setting, secrets masked <c>sk-…abcd</c> style; the admin token and
/// the WeChat token are never shown, only whether they are set.
/// </summary>
internal sealed class AdminConfigView(
    IAdminStore store,
    AdminTokens tokens,
    IOptions<ModelOptions> model,
    IOptions<ConversationOptions> conversation,
    IOptions<ReplyWindowOptions> replyWindow,
    IOptions<QuotaOptions> quota,
    IOptions<PriceOptions> prices,
    IOptions<ModerationOptions> moderation,
    IOptions<WeChatOptions> weChat,
    IOptions<CleanupOptions> cleanup,
    IOptions<AdminOptions> admin,
    IOptions<StorageOptions> storage,
    IOptions<CustomerServiceOptions> customerService,
    IOptions<KnowledgeOptions> knowledge,
    IOptions<ImageGenerationOptions> pictures,
    IOptions<TranscriptionOptions> transcription,
    IOptions<SpeechOptions> speech,
    WeChatApiHealth weChatApi)
{
    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var defaultLimit = await store.GetDefaultLimitAsync(cancellationToken);
        var (tokenInForce, isOverride) = await tokens.InForceAsync(cancellationToken);
        string[] lines =
        [
            "生效的配置：",
            $"wechat_token：已设置（不显示）",
            $"chat_gpt_token：{Mask(model.Value.ApiKey)}",
            $"chat_gpt_use_azure_identity：{model.Value.UseAzureIdentity}",
            $"chat_gpt_endpoint：{model.Value.Endpoint}",
            $"chat_gpt_model：{model.Value.Model}",
            $"chat_gpt_timeout_seconds：{model.Value.TimeoutSeconds}",
            $"chat_gpt_max_retries：{model.Value.MaxRetries}",
            $"http_proxy：{WithoutCredentials(model.Value.HttpProxy)}",
            $"system_prompt：{ShortText.Of(conversation.Value.SystemPrompt, 40)}",
            $"max_context_tokens：{conversation.Value.MaxContextTokens}",
            $"session_idle_minutes：{conversation.Value.SessionIdleMinutes}",
            $"reply_deadline_ms：{replyWindow.Value.ReplyDeadlineMilliseconds}",
            $"claim_timeout_seconds：{replyWindow.Value.ClaimTimeoutSeconds}",
            $"continue_keyword：{replyWindow.Value.ContinueKeyword}",
            $"daily_limit：{quota.Value.DailyLimit}" + (defaultLimit is { } limit ? $"（已被 set_default_limit 改为 {limit}）" : ""),
            $"daily_token_limit：{quota.Value.DailyTokenLimit}",
            $"global_daily_token_limit：{quota.Value.GlobalDailyTokenLimit}",
            $"rate_limit_per_minute：{quota.Value.RateLimitPerMinute}",
            $"max_answer_tokens：{model.Value.MaxAnswerTokens}",
            string.Create(CultureInfo.InvariantCulture, $"price_per_1k_prompt_tokens / completion：{prices.Value.PromptPer1K} / {prices.Value.CompletionPer1K} {prices.Value.Currency}，embedding {prices.Value.EmbeddingPer1K}，price_per_image {prices.Value.PerImage}"),
            $"image_generation：{pictures.Value.Mode}（image_model {pictures.Value.Model}，image_size {pictures.Value.Size}，image_daily_limit {pictures.Value.DailyLimit}）",
            $"transcription_provider：{transcription.Value.Provider}（transcription_model {transcription.Value.Model}，show_transcript {transcription.Value.ShowTranscript}）",
            $"speech_endpoint：{speech.Value.Endpoint?.ToString() ?? "未设置"}（speech_key {Mask(speech.Value.Key)}，speech_locales {speech.Value.Locales}）",
            $"max_clock_skew_seconds：{weChat.Value.MaxClockSkewSeconds}",
            $"reply_mode：{customerService.Value.ReplyMode}",
            $"max_pushed_messages：{customerService.Value.MaxPushedMessages}",
            $"wechat_app_id：{customerService.Value.AppId ?? "未设置"}",
            $"wechat_app_secret：{Mask(customerService.Value.AppSecret)}",
            $"wechat_api_base：{customerService.Value.ApiBase}",
            await weChatApi.DescribeAsync(cancellationToken) ?? "客服消息：未启用",
            string.Create(CultureInfo.InvariantCulture, $"knowledge_mode：{knowledge.Value.Mode}（top_k {knowledge.Value.TopK}，min_score {knowledge.Value.MinScore:0.00}）"),
            $"knowledge_embedding_model：{knowledge.Value.EmbeddingModel}（{knowledge.Value.EmbeddingDimensions} 维，0 为模型默认）",
            $"knowledge_search_endpoint：{knowledge.Value.SearchEndpoint?.ToString() ?? "未设置（存在应用的存储账户）"}",
            $"knowledge_search_key：{Mask(knowledge.Value.SearchKey)}",
            $"moderation：{(moderation.Value.IsOn ? moderation.Value.Mode : ModerationOptions.Off)}",
            $"azure_content_safety_key：{Mask(moderation.Value.AzureKey)}",
            $"quota_timezone：{quota.Value.TimeZone}",
            $"history_retention_days：{cleanup.Value.HistoryRetentionDays}",
            $"token：{(isOverride ? "已由 set_token 设置（不显示）" : tokenInForce is null ? "未设置" : "已设置（不显示）")}",
            $"admin_user_ids：{admin.Value.AdminFollowerIdSet.Count} 人",
            $"white_list_user_ids：{admin.Value.WhiteListFollowerIdSet.Count} 人",
            $"admin_email：{admin.Value.AdminEmail ?? "未设置"}",
            $"AzureWebJobsStorage：{(storage.Value.ConnectionString is { Length: > 0 } ? "连接字符串（密钥已隐藏）" : storage.Value.TableServiceUri?.ToString() ?? "未设置")}",
        ];
        return string.Join('\n', lines);
    }

    /// <summary>Enough of a key to tell which one is set: <c>sk-…abcd</c>.</summary>
    public static string Mask(string? secret) => secret switch
    {
        null or "" => "未设置",
        { Length: < 12 } => "****",
        _ => string.Create(CultureInfo.InvariantCulture, $"{secret[..3]}…{secret[^4..]}"),
    };

    private static string WithoutCredentials(Uri? proxy) =>
        proxy is null ? "未设置" : string.IsNullOrEmpty(proxy.UserInfo) ? proxy.ToString() : proxy.ToString().Replace(proxy.UserInfo + "@", "****@", StringComparison.Ordinal);

}
