using Azure;

namespace WeChatFunctions.Storage;

/// <summary>The storage service's clock, as its responses tell it.</summary>
internal static class ServiceTime
{
    private static readonly TimeSpan DateResolution = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When the service handled a request sent at <paramref name="sent"/>. The <c>Date</c> header gives the service's
    /// time to the second; within that second, the time of sending by this instance's clock narrows it down, never
    /// past the second the service named however far the two clocks stray apart.
    /// </summary>
    /// <returns>The time, or <see langword="null"/> when the response has no <c>Date</c>.</returns>
    public static DateTimeOffset? Of(Response response, DateTimeOffset sent) => response.Headers.Date is { } date
        ? sent < date ? date : sent >= date + DateResolution ? date + DateResolution : sent
        : null;
}
