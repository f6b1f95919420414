using WeChatFunctions.Conversations;
using WeChatFunctions.Functions;
using WeChatFunctions.Model;
using WeChatFunctions.Moderation;
using WeChatFunctions.Settings;
using WeChatFunctions.Storage;
using WeChatFunctions.WeChat;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddLocalSettingsFile(Directory.GetCurrentDirectory()).AddEnvironmentVariables();
builder.WebHost.ListenWhereTheHostExpects(builder.Configuration);
builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
// A settings failure is reported below as one line; the host's own multi-page stack trace of it helps no one.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

builder.Services
    .AddSingleton(TimeProvider.System)
    .AddSettings()
    .AddWeChat()
    .AddFunctionEndpoints()
    .AddConversations()
    .AddModel()
    .AddModeration()
    .AddTableStorage();
if (!builder.Configuration.IsUnderFunctionsHost())
{
    builder.Services.AddHostedService<StandaloneCleanupTimer>();
}

var app = builder.Build();
app.MapHostPing();
app.MapWeChat();
app.MapCleanup();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (SettingsErrors.Describe(exception) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return 1;
}

public partial class Program;
