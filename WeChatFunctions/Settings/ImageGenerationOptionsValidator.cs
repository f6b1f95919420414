using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

[OptionsValidator]
internal sealed partial class ImageGenerationAttributesValidator : IValidateOptions<ImageGenerationOptions>;

/// <summary>A size the image API would refuse would fail every picture, and only then; it is refused at start-up instead.</summary>
internal sealed class ImageGenerationOptionsValidator : IValidateOptions<ImageGenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ImageGenerationOptions options)
    {
        if (!options.IsAutoSize && !(options.Dimensions is { } size && Fits(size.Width) && Fits(size.Height)))
        {
            return ValidateOptionsResult.Fail(
                $"Setting 'image_size' must be auto or WIDTHxHEIGHT with each side between {ImageGenerationOptions.MinSide} and {ImageGenerationOptions.MaxSide}, such as 1024x1024, 1536x1024 or 1024x1536.");
        }

        return ValidateOptionsResult.Success;
    }

    private static bool Fits(int side) => side is >= ImageGenerationOptions.MinSide and <= ImageGenerationOptions.MaxSide;
}
