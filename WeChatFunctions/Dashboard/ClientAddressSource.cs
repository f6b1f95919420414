namespace WeChatFunctions.Dashboard;

/// <summary>
/// Where the connection's own address comes from. Standalone, the socket. Under the Functions host the worker's
/// Kestrel only sees the host on loopback; App Service's front end writes the client's address into <c>Client-IP</c>,
/// overwriting any a client sent, so it cannot be spoofed.
/// See https://github.com/Azure/app-service-linux-docs/blob/master/Things_You_Should_Know/headers.md
/// </summary>
internal sealed record ClientAddressSource(string? Header)
{
    public static readonly ClientAddressSource Socket = new((string?)null);

    public static readonly ClientAddressSource AppServiceFrontEnd = new("Client-IP");
}
