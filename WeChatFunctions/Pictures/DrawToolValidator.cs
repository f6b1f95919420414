using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Pictures;

/// <summary>Refuses a <c>tools</c> setting that names <c>draw</c> while pictures are off: every call would fail, and only then.</summary>
internal sealed class DrawToolValidator(IOptions<ImageGenerationOptions> pictures) : IValidateOptions<ToolOptions>
{
    public ValidateOptionsResult Validate(string? name, ToolOptions options) =>
        options.ToolList.Contains(DrawTool.Name) && !pictures.Value.IsOn
            ? ValidateOptionsResult.Fail($"Setting 'tools' names {DrawTool.Name}, but 'image_generation' is off; set it to on, or take {DrawTool.Name} out of 'tools'.")
            : ValidateOptionsResult.Success;
}
