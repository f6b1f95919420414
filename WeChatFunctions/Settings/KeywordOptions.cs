using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The operator's own keyword replies kept in git, beside those admins add from WeChat.</summary>
public sealed class KeywordOptions
{
    /// <summary>A JSON or YAML file of rules, read at start-up; a relative path is from the app's directory.</summary>
    [ConfigurationKeyName("keywords_file")]
    public string? KeywordsFile { get; set; }
}
