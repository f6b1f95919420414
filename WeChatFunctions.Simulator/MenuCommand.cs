using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WeChatFunctions.Simulator;

/// <summary>
/// <c>menu create FILE | show | delete</c>: manages the account's custom menu through WeChat's API, so that an operator
/// can add buttons whose CLICK keys the bot understands. The access token comes from stable_token without a forced
/// refresh, so the running app's token stays valid.
/// </summary>
public static class MenuCommand
{
    public static Command Create(TextWriter output)
    {
        var appId = new Option<string>("--app-id") { Description = "公众号的 AppID", Required = true };
        var appSecret = new Option<string>("--app-secret") { Description = "公众号的 AppSecret（开发者密码）", Required = true };
        var apiBase = new Option<string>("--api-base") { Description = "微信接口地址", DefaultValueFactory = _ => "https://api.weixin.qq.com" };
        var action = new Argument<string>("action") { Description = "create、show 或 delete" };
        action.AcceptOnlyFromAmong("create", "show", "delete");
        var file = new Argument<string?>("file") { Description = "create 时的菜单 JSON 文件（{\"button\":[…]}）", Arity = ArgumentArity.ZeroOrOne };
        var menu = new Command("menu", "通过微信接口创建、查看或删除自定义菜单。") { appId, appSecret, apiBase, action, file };
        menu.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(result.GetValue(apiBase)!.TrimEnd('/') + "/") };
            var token = await TokenAsync(http, result.GetValue(appId)!, result.GetValue(appSecret)!, cancellationToken);
            if (token is null)
            {
                await output.WriteLineAsync("获取 access_token 失败：请检查 AppID、AppSecret，以及本机 IP 是否在 IP 白名单中。");
                return 1;
            }

            var answer = result.GetValue(action) switch
            {
                "create" when result.GetValue(file) is { } path => await PostAsync(http, $"cgi-bin/menu/create?access_token={token}", JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)), cancellationToken),
                "create" => new JsonObject { ["errcode"] = -1, ["errmsg"] = "create 需要菜单 JSON 文件" },
                "show" => await http.GetFromJsonAsync<JsonObject>($"cgi-bin/menu/get?access_token={token}", cancellationToken),
                _ => await http.GetFromJsonAsync<JsonObject>($"cgi-bin/menu/delete?access_token={token}", cancellationToken),
            };
            var code = answer?["errcode"]?.GetValue<int>() ?? 0;
            await output.WriteLineAsync(code == 0 ? (answer?["menu"]?.ToJsonString() ?? "完成。") : $"微信返回 {code}：{answer?["errmsg"]}");
            return code == 0 ? 0 : 1;
        });
        return menu;
    }

    private static async Task<string?> TokenAsync(HttpClient http, string appId, string appSecret, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["grant_type"] = "client_credential", ["appid"] = appId, ["secret"] = appSecret, ["force_refresh"] = false };
        var answer = await PostAsync(http, "cgi-bin/stable_token", request, cancellationToken);
        return answer?["access_token"]?.GetValue<string>();
    }

    private static async Task<JsonObject?> PostAsync(HttpClient http, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
    }
}
