using System.Diagnostics;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Speech;

/// <summary>
/// Makes a WAV (16 kHz, mono) of a follower's AMR or Speex voice with the ffmpeg binary that start-up found, for
/// providers that take no AMR. Files rather than pipes, so that ffmpeg can probe the input and write a WAV header
/// with the real length.
/// </summary>
internal sealed class FfmpegConverter(IOptions<TranscriptionOptions> options)
{
    /// <summary>The most of ffmpeg's complaint kept for the log.</summary>
    private const int MaxErrorCharacters = 500;

    public async Task<byte[]> ToWavAsync(SpokenAudio audio, CancellationToken cancellationToken)
    {
        var name = Path.Combine(Path.GetTempPath(), $"wechat-voice-{Guid.NewGuid():N}");
        var input = name + "." + audio.FileName.Split('.')[^1];
        var output = name + ".wav";
        try
        {
            await File.WriteAllBytesAsync(input, audio.Content, cancellationToken);
            await RunAsync(["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", input, "-ac", "1", "-ar", "16000", "-f", "wav", output], cancellationToken);
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private async Task RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.FfmpegPath ?? "ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var complaint = (await errors).Trim();
            throw new InvalidOperationException($"ffmpeg failed with exit code {process.ExitCode}: {(complaint.Length > MaxErrorCharacters ? complaint[..MaxErrorCharacters] : complaint)}");
        }
    }
}
