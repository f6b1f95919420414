using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class McpOptionsValidator : IValidateOptions<McpOptions>;
