using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Whether followers may ask for pictures (<c>/画</c>, the <c>draw</c> tool), with which model, how large and how many a day.</summary>
public sealed class ImageGenerationOptions
{
    public const string Off = "off";
    public const string On = "on";
    public const string DefaultModel = "gpt-image-1";
    public const string DefaultSize = "1024x1024";
    public const string AutoSize = "auto";

    /// <summary>The smallest and largest side a size may name; every image model's sizes fall between.</summary>
    public const int MinSide = 256;
    public const int MaxSide = 4096;

    /// <summary><c>off</c> (the default: pictures cost money) or <c>on</c>.</summary>
    [ConfigurationKeyName("image_generation")]
    [RegularExpression("^(?i)(off|on)?$", ErrorMessage = "Setting 'image_generation' must be off or on.")]
    public string Mode { get; set; } = Off;

    /// <summary>The image model, or the Azure OpenAI deployment, on <c>chat_gpt_endpoint</c>.</summary>
    [ConfigurationKeyName("image_model")]
    public string Model { get; set; } = DefaultModel;

    /// <summary><c>{width}x{height}</c> as the model accepts it (gpt-image-1: 1024x1024, 1536x1024, 1024x1536), or <c>auto</c>.</summary>
    [ConfigurationKeyName("image_size")]
    public string Size { get; set; } = DefaultSize;

    /// <summary>Pictures per follower per quota day; 0 means no limit. Whitelisted followers and admins have none.</summary>
    [ConfigurationKeyName("image_daily_limit")]
    [Range(0, 1000, ErrorMessage = "Setting 'image_daily_limit' must be between 0 and 1000.")]
    public int DailyLimit { get; set; } = 5;

    public bool IsOn => On.Equals(Mode?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The width and height <see cref="Size"/> names, or <see langword="null"/> for <c>auto</c> or a malformed size.</summary>
    public (int Width, int Height)? Dimensions =>
        Size.Trim().ToLowerInvariant().Split('x') is [var width, var height]
        && int.TryParse(width, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
        && int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            ? (w, h)
            : null;

    public bool IsAutoSize => AutoSize.Equals(Size.Trim(), StringComparison.OrdinalIgnoreCase);
}
