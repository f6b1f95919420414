namespace WeChatFunctions.Fetching;

/// <summary>The <see cref="FetchGuard"/> refused a host that resolves only to private or local addresses.</summary>
internal sealed class PrivateAddressRefusedException : HttpRequestException
{
    public PrivateAddressRefusedException(string host)
        : base($"{host} resolves only to private or local addresses, which are not fetched.")
    {
    }

    public PrivateAddressRefusedException()
    {
    }

    public PrivateAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether <paramref name="exception"/> is, or was caused by, the guard's refusal; the HTTP handler may wrap it.</summary>
    public static bool IsIn(Exception exception)
    {
        for (var cause = (Exception?)exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is PrivateAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
