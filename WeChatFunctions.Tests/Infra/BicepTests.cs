using System.Text.Json.Nodes;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Publishing;

namespace WeChatFunctions.Tests.Infra;

/// <summary>
/// infra/ compiled and linted by the real Bicep CLI, and the ARM JSON it produces held to what a working, hardened
/// Flex Consumption deployment needs.
/// </summary>
[Collection(HeavyBuilds.Name)]
public sealed class BicepTests
{
    private static readonly string MainBicep = Path.Combine(RepositoryRoot.Path, "infra", "main.bicep");

    private static readonly Lazy<Task<ArmTemplate>> Compiled = new(async () =>
    {
        var (exitCode, output, errors) = await BicepCli.RunAsync("build", MainBicep, "--stdout");
        Assert.True(exitCode == 0, errors);
        return new ArmTemplate(JsonNode.Parse(output)!.AsObject(), "main");
    });

    [Fact]
    public async Task TheBicepCompilesAndLintsWithoutAWarning()
    {
        var build = await BicepCli.RunAsync("build", MainBicep, "--stdout");
        var lint = await BicepCli.RunAsync("lint", MainBicep);

        Assert.Equal(0, build.ExitCode);
        Assert.Equal("", build.Errors.Trim());
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal("", (lint.Output + lint.Errors).Trim());
    }

    [Fact]
    public async Task TheAppIsADotNetIsolatedFlexConsumptionAppOnDotNet10()
    {
        var arm = await Compiled.Value;

        var plan = arm.Single("Microsoft.Web/serverfarms");
        var site = arm.Single("Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
    }

    [Fact]
    public async Task TheSiteIsHttpsOnlyWithTls12AndNoFtpsOrBasicPublishingCredentials()
    {
        var arm = await Compiled.Value;

        var site = arm.Single("Microsoft.Web/sites")["properties"]!;
        var policies = arm.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)site["siteConfig"]!["ftpsState"]);
        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.False((bool)policy["properties"]!["allow"]!));
        Assert.Contains(policies, policy => ((string)policy["name"]!).Contains("'scm'", StringComparison.Ordinal));
        Assert.Contains(policies, policy => ((string)policy["name"]!).Contains("'ftp'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StorageLetsThePlatformInUnlessAVirtualNetworkIsWiredUp()
    {
        var arm = await Compiled.Value;

        var storage = arm.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        var networkModule = Assert.Single(arm.Resources, resource => (string?)resource["name"] == "network");

        // The only virtual network is the optional one for a fixed outbound IP, and storage is not locked to it.
        Assert.Equal("[parameters('staticOutboundIp')]", (string?)networkModule["condition"]);
        Assert.Equal("Allow", (string?)storage["networkAcls"]!["defaultAction"]);
        Assert.Equal("AzureServices", (string?)storage["networkAcls"]!["bypass"]);
        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
    }

    [Fact]
    public async Task SecretsGoToAnRbacKeyVaultAndTheAppReadsThemAsKeyVaultReferences()
    {
        var arm = await Compiled.Value;

        var vault = arm.Single("Microsoft.KeyVault/vaults")["properties"]!;
        var secretSettings = arm.Json["variables"]!["secretSettings"]!.AsObject();
        var site = arm.Single("Microsoft.Web/sites")["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.Equal(
            ["azure_content_safety_key", "chat_gpt_token", "token", "wechat_app_secret", "wechat_encoding_aes_key", "wechat_token"],
            secretSettings.Select(setting => setting.Key).Order(StringComparer.Ordinal));
        Assert.All(secretSettings, setting => Assert.Contains("@Microsoft.KeyVault(VaultName=", (string)setting.Value!, StringComparison.Ordinal));
        Assert.All(secretSettings, setting => Assert.Empty(arm.SecretsUsedBy((string)setting.Value!)));
        Assert.NotNull((string?)site["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public async Task NoSecretPassesThroughANonSecureParameterOrAnOutput()
    {
        var arm = await Compiled.Value;

        var leaks = new List<string>();
        foreach (var template in arm.All)
        {
            foreach (var module in template.Resources.Where(resource => (string?)resource["type"] == "Microsoft.Resources/deployments"))
            {
                var declared = module["properties"]!["template"]!["parameters"]!.AsObject();
                foreach (var (parameter, value) in module["properties"]!["parameters"]!.AsObject())
                {
                    var expression = value?.ToJsonString(ArmTemplate.Verbatim) ?? "";
                    var type = (string?)declared[parameter]?["type"] ?? "";
                    if (template.SecretsUsedBy(expression).Any() && !type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                    {
                        leaks.Add($"{template.Name} passes a secret to {(string?)module["name"]}.{parameter}, which is not @secure()");
                    }
                }
            }

            foreach (var (output, value) in template.Json["outputs"]?.AsObject() ?? [])
            {
                if (template.SecretsUsedBy(value!.ToJsonString(ArmTemplate.Verbatim)).Any())
                {
                    leaks.Add($"{template.Name} outputs a secret as {output}");
                }
            }
        }

        Assert.True(arm.SecureParameters.Count >= 5, "the secrets are @secure() parameters of main.bicep");
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task ApplicationInsightsTakesOnlyEntraIdAndTheAppSignsInWithItsIdentity()
    {
        var arm = await Compiled.Value;

        var insights = arm.Single("Microsoft.Insights/components")["properties"]!;
        var api = Assert.Single(arm.All, template => template.Resources.Any(resource => (string?)resource["type"] == "Microsoft.Web/sites/config"));
        var settings = api.Json["variables"]!["platformSettings"]!.ToJsonString(ArmTemplate.Verbatim);

        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", settings, StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDeployerChoosesTheRegionFromFlexConsumptionRegionsAndTheirPrincipalType()
    {
        var arm = await Compiled.Value;

        var parameters = arm.Json["parameters"]!;
        var regions = parameters["location"]!["allowedValues"]!.AsArray().Select(region => (string)region!).ToList();
        var principalTypes = parameters["principalType"]!["allowedValues"]!.AsArray().Select(type => (string)type!).ToList();

        Assert.Contains("eastasia", regions);
        Assert.Contains("southeastasia", regions);
        Assert.DoesNotContain("chinaeast2", regions);
        Assert.Equal(["User", "ServicePrincipal"], principalTypes);
        Assert.Equal(0, (int)parameters["alwaysReadyInstances"]!["defaultValue"]!);
    }

    [Fact]
    public async Task AStaticOutboundIpPutsTheAppBehindANatGatewayAndOutputsTheIpToWhitelist()
    {
        var arm = await Compiled.Value;

        var publicIp = arm.Single("Microsoft.Network/publicIPAddresses");
        var nat = arm.Single("Microsoft.Network/natGateways");
        var subnet = arm.Single("Microsoft.Network/virtualNetworks")["properties"]!["subnets"]![0]!["properties"]!;
        var site = arm.Single("Microsoft.Web/sites")["properties"]!;
        var outputs = arm.Json["outputs"]!;

        Assert.False((bool)arm.Json["parameters"]!["staticOutboundIp"]!["defaultValue"]!);
        Assert.Equal("Standard", (string?)publicIp["sku"]!["name"]);
        Assert.Equal("Static", (string?)publicIp["properties"]!["publicIPAllocationMethod"]);
        Assert.Contains("publicIPAddresses", nat["properties"]!["publicIpAddresses"]![0]!["id"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("natGateways", subnet["natGateway"]!["id"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Microsoft.App/environments", (string?)subnet["delegations"]![0]!["properties"]!["serviceName"]);
        Assert.Contains("subnetId", site["virtualNetworkSubnetId"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("outboundIp", outputs["WECHAT_OUTBOUND_IP"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKnowledgeSearchServiceIsOptionalKeylessAndTheAppMayCreateWriteAndQueryItsIndex()
    {
        var arm = await Compiled.Value;

        var search = arm.Single("Microsoft.Search/searchServices");
        var rbac = arm.All.Single(template => template.Name == "rbac").Json.ToJsonString(ArmTemplate.Verbatim);
        var searchAssignments = arm.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment["scope"]?.ToString().Contains("Microsoft.Search/searchServices", StringComparison.Ordinal) == true)
            .ToList();
        var parameters = arm.Json["parameters"]!;
        var settings = arm.All.Single(template => template.Name == "api").Json.ToJsonString(ArmTemplate.Verbatim) + arm.Json.ToJsonString(ArmTemplate.Verbatim);

        Assert.False((bool)parameters["deployKnowledgeSearch"]!["defaultValue"]!);
        Assert.Equal("off", (string?)parameters["knowledgeMode"]!["defaultValue"]);
        Assert.True((bool)search["properties"]!["disableLocalAuth"]!);
        Assert.Equal(2, searchAssignments.Count); // the app's and the deployer's, each a copy loop over both roles
        Assert.Contains("8ebe5a00-799e-43f5-93ac-243d3dce84a7", rbac, StringComparison.Ordinal); // Search Index Data Contributor
        Assert.Contains("7ca78c08-252a-4471-8644-bb5ff32d4ba0", rbac, StringComparison.Ordinal); // Search Service Contributor
        Assert.Contains("knowledge_search_endpoint", settings, StringComparison.Ordinal);
        Assert.Contains("text-embedding-3-small", arm.Json.ToJsonString(ArmTemplate.Verbatim), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzureOpenAILivesInARegionOfItsOwnWithGlobalStandardDeployments()
    {
        var arm = await Compiled.Value;

        var openAI = Assert.Single(arm.Resources, resource => (string?)resource["type"] == "Microsoft.Resources/deployments" && (string?)resource["name"] == "openai");
        var deployments = arm.OfType("Microsoft.CognitiveServices/accounts/deployments").ToList();

        Assert.Equal("eastus2", (string?)arm.Json["parameters"]!["openAILocation"]!["defaultValue"]);
        Assert.Equal("[parameters('openAILocation')]", (string?)openAI["properties"]!["parameters"]!["location"]!["value"]);
        Assert.Equal(5, deployments.Count); // chat, embedding, image, transcription and speech
        Assert.All(deployments, deployment => Assert.Equal("GlobalStandard", (string?)deployment["sku"]!["name"]));
    }

    [Fact]
    public async Task TheAccountsDeploymentsAreMadeOneAfterTheOtherWhicheverAreChosen()
    {
        var arm = await Compiled.Value;

        var deployments = arm.All.Single(template => template.Name == "openai").Resources
            .Where(resource => (string?)resource["type"] == "Microsoft.CognitiveServices/accounts/deployments")
            .Select(deployment => (Id: DeploymentId((string)deployment["name"]!), DependsOn: deployment["dependsOn"]!.AsArray().Select(id => (string)id!).ToList()))
            .ToList();

        // The service refuses deployments of one account in parallel, and a dependency on a deployment that is not
        // made (a false condition) is dropped: so each deployment waits for every one declared before it.
        Assert.Equal(5, deployments.Count);
        for (var index = 1; index < deployments.Count; index++)
        {
            Assert.Subset(deployments[index].DependsOn.ToHashSet(), deployments.Take(index).Select(deployment => deployment.Id).ToHashSet());
        }
    }

    /// <summary>The resourceId expression of a deployment named <c>[format('{0}/{1}', parameters('name'), MODEL)]</c>.</summary>
    private static string DeploymentId(string nameExpression)
    {
        var model = nameExpression["[format('{0}/{1}', parameters('name'), ".Length..^2];
        return $"[resourceId('Microsoft.CognitiveServices/accounts/deployments', parameters('name'), {model})]";
    }
}
