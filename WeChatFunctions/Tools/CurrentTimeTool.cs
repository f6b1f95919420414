using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Tools;

/// <summary><c>current_time</c>: the date, weekday and time in the account's time zone (<c>quota_timezone</c>), which the model cannot know.</summary>
internal sealed class CurrentTimeTool(TimeProvider timeProvider, IOptions<QuotaOptions> quota) : IAssistantTool
{
    public const string Name = "current_time";

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    private readonly TimeZoneInfo _zone = QuotaTimeZone.TryResolve(quota.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        Name,
        "Returns the current date, weekday and time where the account is. Use it for questions about today, dates or times.",
        JsonElement.Parse("""{"type":"object","properties":{}}"""));

    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), _zone);
        var text = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-dd HH:mm} {Weekdays[(int)now.DayOfWeek]} (UTC{now:zzz})");
        return Task.FromResult(new ToolResult(text));
    }
}
