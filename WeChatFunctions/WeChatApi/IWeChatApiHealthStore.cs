namespace WeChatFunctions.WeChatApi;

/// <summary>The WeChat API's last known state, shared by every instance and shown to the admins.</summary>
internal interface IWeChatApiHealthStore
{
    Task<WeChatApiHealthState> ReadAsync(CancellationToken cancellationToken);

    Task SaveAsync(WeChatApiHealthState state, CancellationToken cancellationToken);
}
