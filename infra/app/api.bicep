// The function app on a Flex Consumption plan: Linux, the .NET isolated worker on .NET 10, deployed from a blob
// container and reaching storage, Key Vault and Application Insights through its user-assigned identity.
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}
param applicationInsightsConnectionString string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentStorageContainerName string
param identityId string
param identityClientId string
param appSettings object = {}
param serviceName string = 'api'
param instanceMemoryMB int = 2048
param maximumInstanceCount int = 40

@description('A subnet delegated to Microsoft.App/environments to send outbound traffic through; empty for none.')
param subnetId string = ''

@minValue(0)
@description('Always-ready instances for the http group: warm instances that skip cold starts, billed while idle.')
param alwaysReadyInstances int = 0

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentStorageContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyInstances > 0 ? [ { name: 'http', instanceCount: alwaysReadyInstances } ] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// The host and the app reach storage with the identity (no connection string), and Application Insights with it too.
var platformSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential in the app picks the user-assigned identity by this id, for Azure OpenAI and Content Safety.
  AZURE_CLIENT_ID: identityClientId
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, platformSettings)
}

// Deployments go through Entra ID (azd, Core Tools, AzureFunctionApp@2), never basic publishing credentials.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

output SERVICE_API_NAME string = app.name
output SERVICE_API_HOSTNAME string = app.properties.defaultHostName
