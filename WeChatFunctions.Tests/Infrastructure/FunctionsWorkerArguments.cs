namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>The command line the Functions host starts its .NET isolated worker with.</summary>
internal static class FunctionsWorkerArguments
{
    public static string[] For(Uri hostEndpoint) =>
    [
        "--host", hostEndpoint.Host, "--port", hostEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--workerId", "11111111-2222-3333-4444-555555555555", "--requestId", "66666666-7777-8888-9999-000000000000",
        "--grpcMaxMessageLength", "2147483647",
        "--functions-uri", hostEndpoint.ToString(),
        "--functions-worker-id", "11111111-2222-3333-4444-555555555555",
        "--functions-request-id", "66666666-7777-8888-9999-000000000000",
        "--functions-grpc-max-message-length", "2147483647",
    ];
}
