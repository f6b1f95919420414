namespace WeChatFunctions.Tests.Deployment;

/// <summary>
/// A test that builds the container image: minutes of work and a container engine, so it runs only when asked for
/// with <c>WECHATFUNCTIONS_CONTAINER_TEST=1</c> on a machine with buildah or docker.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(ContainerEngine.OptInVariable) != "1")
        {
            Skip = $"Builds the container image for minutes; run it with {ContainerEngine.OptInVariable}=1 (scripts/test-container.sh).";
        }
        else if (ContainerEngine.Find() is null)
        {
            Skip = "Neither buildah nor docker is on the PATH; install one (apt-get install buildah) to build and run the image.";
        }
    }
}
