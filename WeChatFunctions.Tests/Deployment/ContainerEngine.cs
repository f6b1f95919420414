using System.Text.Json.Nodes;

namespace WeChatFunctions.Tests.Deployment;

/// <summary>
/// buildah (which works on machines where podman and docker cannot run containers) or docker: builds the image, reads
/// its configuration and runs it on the host's network, the way an operator's engine would.
/// </summary>
internal sealed class ContainerEngine(string tool)
{
    /// <summary>Opts in to the slow image build; CI leaves it unset.</summary>
    public const string OptInVariable = "WECHATFUNCTIONS_CONTAINER_TEST";

    public string Tool => tool;

    private bool IsBuildah => Path.GetFileName(tool) == "buildah";

    public static ContainerEngine? Find() =>
        CommandLine.Find("buildah") is { } buildah ? new(buildah) : CommandLine.Find("docker") is { } docker ? new(docker) : null;

    public Task<string> BuildAsync(string context, string tag) => IsBuildah
        ? CommandLine.OutputOfAsync(tool, "bud", "--layers", "--isolation", "chroot", "--network", "host", "-t", tag, context)
        : CommandLine.OutputOfAsync(tool, "build", "--network", "host", "-t", tag, context);

    /// <summary>The image's OCI configuration: User, ExposedPorts, Entrypoint, Env.</summary>
    public async Task<JsonObject> ConfigurationAsync(string image) => IsBuildah
        ? JsonNode.Parse(await CommandLine.OutputOfAsync(tool, "inspect", "--type", "image", image))!["OCIv1"]!["config"]!.AsObject()
        : JsonNode.Parse(await CommandLine.OutputOfAsync(tool, "image", "inspect", "--format", "{{json .Config}}", image))!.AsObject();

    public async Task<string> SizeAsync(string image) => (IsBuildah
        ? await CommandLine.OutputOfAsync(tool, "images", "--format", "{{.Size}}", image)
        : await CommandLine.OutputOfAsync(tool, "image", "inspect", "--format", "{{.Size}} bytes", image)).Trim();

    /// <summary>
    /// The command line that runs the image's entry point as container <paramref name="name"/> on the host's network,
    /// with the settings as its environment. buildah runs a command in a working container it makes first.
    /// </summary>
    public async Task<string[]> StartArgumentsAsync(string image, string name, IReadOnlyDictionary<string, string?> settings, IEnumerable<string> entryPoint)
    {
        var environment = settings.SelectMany(setting => (string[])["-e", $"{setting.Key}={setting.Value}"]).ToArray();
        if (!IsBuildah)
        {
            return ["run", "--rm", "--name", name, "--network", "host", .. environment, image];
        }

        await CommandLine.OutputOfAsync(tool, "from", "--name", name, image);
        return ["run", "--isolation", "chroot", "--network", "host", .. environment, name, "--", .. entryPoint];
    }

    /// <summary>Runs a command in the container made for <see cref="StartArgumentsAsync"/> (buildah) or running (docker).</summary>
    public Task<string> ExecuteAsync(string name, params string[] command) => IsBuildah
        ? CommandLine.OutputOfAsync(tool, ["run", "--isolation", "chroot", "--network", "host", name, "--", .. command])
        : CommandLine.OutputOfAsync(tool, ["exec", name, .. command]);

    public Task RemoveAsync(string name) => IsBuildah ? CommandLine.RunAsync(tool, "rm", name) : CommandLine.RunAsync(tool, "rm", "-f", name);

    public Task RemoveImageAsync(string image) => CommandLine.RunAsync(tool, "rmi", image);
}
