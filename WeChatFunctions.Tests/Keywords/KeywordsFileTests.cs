using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Keywords;

/// <summary>keywords_file: rules kept in git, in JSON or YAML, merged with the admins' rules, checked at start-up. Its own Azurite.</summary>
public sealed class KeywordsFileTests(WeChatFixture fixture) : FollowerTest(fixture), IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("keywords-").FullName;

    [Theory]
    [InlineData("keywords.yaml", """
        - match: contains
          phrases: [价格, 多少钱]
          reply: |-
            价格表见 https://example.com/price
            有问题随时问我
        - match: key
          phrases: [MENU_PRICE]
          reply: 价格表见 https://example.com/price
        """)]
    [InlineData("keywords.json", """
        [
          { "match": "contains", "phrases": ["价格", "多少钱"], "reply": "价格表见 https://example.com/price\n有问题随时问我" },
          { "match": "key", "phrases": ["MENU_PRICE"], "reply": "价格表见 https://example.com/price" }
        ]
        """)]
    public async Task RulesFromAJsonOrYamlFileAnswerMessagesAndMenuClicks(string name, string content)
    {
        var weChat = Fixture.StartApplication(settings => settings["keywords_file"] = Write(name, content)).CreateWeChatClient();

        var byText = await weChat.AskAsync(Follower, "这个多少钱");
        var byClick = await weChat.PushAsync(SignedPush.Event("CLICK", "<EventKey><![CDATA[MENU_PRICE]]></EventKey>").From(Follower));

        Assert.Equal("价格表见 https://example.com/price\n有问题随时问我", byText);
        Assert.Equal("价格表见 https://example.com/price", byClick.Content);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task ARuleAddedFromWeChatWinsOverTheFilesRuleForTheSamePhrase()
    {
        var file = Write("keywords.yaml", "- { match: exact, phrases: [营业时间, 几点开门], reply: 文件里的营业时间 }\n");
        var app = Fixture.StartApplication(settings => settings["keywords_file"] = file);
        var admin = AdminConsole.NewAdmin(app.CreateWeChatClient());

        var fromFile = await app.CreateWeChatClient().AskAsync(Follower, "营业时间");
        var added = await admin.RunAsync("add_keyword", "exact 营业时间\n表格里的营业时间");
        var listed = await admin.RunAsync("list_keywords");
        var fromTable = await app.CreateWeChatClient().AskAsync(Follower, "营业时间");
        var otherPhrase = await app.CreateWeChatClient().AskAsync(Follower, "几点开门");
        var removeFileRule = await admin.RunAsync("remove_keyword", "几点开门");
        await admin.RunAsync("remove_keyword", added.Split(' ', '：')[1]);

        Assert.Equal("文件里的营业时间", fromFile);
        Assert.Equal("表格里的营业时间", fromTable);
        Assert.Equal("回答：几点开门", otherPhrase); // the file's rule is replaced as a whole
        Assert.DoesNotContain("] exact 营业时间，几点开门", listed, StringComparison.Ordinal);
        Assert.StartsWith("没有编号或第一个触发词", removeFileRule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFileIsReadOnceAtStartUpAndThoseRulesAnswerTheMessagesAfter()
    {
        var file = Write("keywords.yaml", "- { match: exact, phrases: [营业时间], reply: 早九晚五 }\n");
        var weChat = Fixture.StartApplication(settings => settings["keywords_file"] = file).CreateWeChatClient();
        // Changed after start-up, even to something malformed: the app goes on with the rules it checked.
        await File.WriteAllTextAsync(file, "- match: exact\n  phrases: [a\n");

        Assert.Equal("早九晚五", await weChat.AskAsync(Follower, "营业时间"));
    }

    [Theory]
    [InlineData("- match: exact\n  phrases: [a\n  reply: x\n", "which is not a list of rules at line")]
    [InlineData("- match: sometimes\n  phrases: [a]\n  reply: x\n", "whose rule 1 is invalid: 匹配方式须是 exact、contains 或 key")]
    [InlineData("- match: exact\n  phrases: [a]\n", "whose rule 1 is invalid: 回复内容不能为空")]
    public async Task AMalformedFileStopsTheAppWithOneLineNamingTheSetting(string content, string problem)
    {
        var settings = WeChatApplication.DefaultSettings(Fixture.Storage, Fixture.Model);
        settings["keywords_file"] = Write("bad.yaml", content);

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        var line = await app.ConfigurationErrorAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("Configuration error: Setting 'keywords_file' names '", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
