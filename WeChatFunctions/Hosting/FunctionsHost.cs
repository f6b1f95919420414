namespace WeChatFunctions.Hosting;

/// <summary>
/// Whether the Azure Functions host started this process as its worker. The host passes the address of its gRPC
/// endpoint as <c>--functions-uri</c>, which Worker 2.x maps to <c>Functions:Worker:HostEndpoint</c> (also read from
/// the environment) and cannot run without; without it the app runs standalone.
/// See https://github.com/Azure/azure-functions-dotnet-worker/blob/main/src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs
/// </summary>
internal static class FunctionsHost
{
    public const string EndpointArgument = "--functions-uri";

    public const string EndpointEnvironmentVariable = "Functions__Worker__HostEndpoint";

    public static bool StartedThisProcess(IReadOnlyList<string> args) =>
        args.Any(argument => argument.StartsWith(EndpointArgument, StringComparison.Ordinal))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EndpointEnvironmentVariable));
}
