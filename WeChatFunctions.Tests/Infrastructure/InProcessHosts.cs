namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// WebApplicationFactory finds a minimal-API app's host through a process-wide diagnostic listener, so while one factory
/// starts, any other WebApplication being built in the test process (another factory, the fake model server) can be
/// taken for it. Test classes run in parallel; every in-process host builds and starts under this lock.
/// </summary>
internal static class InProcessHosts
{
    public static readonly Lock StartLock = new();
}
