using System.ClientModel;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Images;
using WeChatFunctions.Settings;
using ImageRequestOptions = OpenAI.Images.ImageGenerationOptions;

namespace WeChatFunctions.Pictures;

/// <summary>
/// The image model (<c>image_model</c>) behind <c>chat_gpt_endpoint</c>, through the OpenAI SDK's image client from the
/// app's one <see cref="OpenAIClient"/>: the same key or Entra ID, proxy and network timeout as chat, so an Azure OpenAI
/// deployment works as chat does. A picture is asked for once: no retry, since each costs money.
/// </summary>
internal sealed class PictureModel(OpenAIClient client, IOptions<Settings.ImageGenerationOptions> options, ILogger<PictureModel> logger)
{
    /// <summary>What the image services call a prompt they refuse under their content policy.</summary>
    private static readonly string[] RefusalCodes = ["moderation_blocked", "content_policy_violation", "content_filter", "contentFilter"];

    /// <returns>The picture (PNG unless the model chose otherwise), or the text that says why there is none.</returns>
    public async Task<(byte[]? Picture, string? Failure)> DrawAsync(string prompt, CancellationToken cancellationToken)
    {
        var model = options.Value.Model;
        try
        {
            var image = await client.GetImageClient(model).GenerateImageAsync(prompt, RequestOptions(), cancellationToken);
            if (image.Value.ImageBytes is { } bytes)
            {
                return (bytes.ToArray(), null);
            }

            PicturesLog.NoPictureBytes(logger, model);
            return (null, PictureTexts.ModelFailed);
        }
        catch (ClientResultException exception) when (IsRefusal(exception))
        {
            PicturesLog.ModelRefused(logger, model);
            return (null, PictureTexts.RefusedByImageService);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The SDK's network timeout: chat_gpt_timeout_seconds.
            PicturesLog.ModelTimedOut(logger, model);
            return (null, PictureTexts.TimedOut);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            PicturesLog.ModelFailed(logger, model, (exception as ClientResultException)?.Status ?? 0, exception);
            return (null, PictureTexts.ModelFailed);
        }
    }

    /// <summary>
    /// The size, and, for the DALL·E models, which answer with a link unless asked for base64; the gpt-image models always
    /// answer in base64 and refuse the parameter.
    /// </summary>
    private ImageRequestOptions RequestOptions()
    {
        var request = new ImageRequestOptions();
        if (options.Value.Dimensions is { } size)
        {
            request.Size = new GeneratedImageSize(size.Width, size.Height);
        }

        if (options.Value.Model.StartsWith("dall-e", StringComparison.OrdinalIgnoreCase))
        {
            request.ResponseFormat = GeneratedImageFormat.Bytes;
        }

        return request;
    }

    private static bool IsRefusal(ClientResultException exception) =>
        exception.Status == 400 && exception.GetRawResponse()?.Content.ToString() is { } body
        && RefusalCodes.Any(code => body.Contains(code, StringComparison.Ordinal));
}
