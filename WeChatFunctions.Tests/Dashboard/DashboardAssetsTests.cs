using System.Net;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>The dashboard's scripts and stylesheets come from the app, uPlot as npm installs it, behind the same strict headers.</summary>
public sealed class DashboardAssetsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Theory]
    [InlineData("uPlot.iife.min.js")]
    [InlineData("uPlot.min.css")]
    public void TheChartLibraryServedIsTheOneNpmInstallsFromPackageJson(string file)
    {
        var vendored = Path.Combine(RepositoryRoot.Path, "WeChatFunctions", "Dashboard", "Assets", file);
        var installed = Path.Combine(RepositoryRoot.Path, "node_modules", "uplot", "dist", file);

        Assert.True(File.Exists(installed), $"{installed} is missing: run npm ci");
        Assert.Equal(File.ReadAllBytes(installed), File.ReadAllBytes(vendored));
    }

    [Theory]
    [InlineData("uPlot.iife.min.js", "text/javascript")]
    [InlineData("dashboard.js", "text/javascript")]
    [InlineData("dashboard.css", "text/css")]
    [InlineData("uPlot.min.css", "text/css")]
    public async Task EachAssetIsServedBesideThePageWithTheStrictHeaders(string file, string type)
    {
        using var response = await Fixture.StartApplication().CreateClient().GetAsync("/api/dashboard/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    [Fact]
    public async Task NothingElseIsServedThere()
    {
        using var response = await Fixture.StartApplication().CreateClient().GetAsync("/api/dashboard/uPlot.LICENSE");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
