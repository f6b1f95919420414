// Role assignments for the app's identity: Blob (deployment package, large images), Queue (the host), Table (all of
// the app's data), Application Insights publishing, Key Vault secrets, and optionally Azure OpenAI, Azure AI Search
// and Azure AI Speech. The deployer
// (a user running azd, or a pipeline's service principal) gets data access to storage for debugging.
param storageAccountName string
param appInsightsName string
param keyVaultName string
param managedIdentityPrincipalId string
param userIdentityPrincipalId string = ''
@allowed([ 'User', 'ServicePrincipal' ])
param userIdentityPrincipalType string = 'User'
param openAIAccountName string = ''
param searchServiceName string = ''
param speechAccountName string = ''

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  searchIndexDataContributor: '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
  searchServiceContributor: '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
  // Transcription and synthesis without the keys or the custom projects, which Cognitive Services User would give.
  cognitiveServicesSpeechUser: 'f2dc8367-1007-4938-bd23-fe263f013447'
}
// Search Service Contributor creates the index when it is missing; Search Index Data Contributor writes and queries it.
var searchRoles = [ roles.searchServiceContributor, roles.searchIndexDataContributor ]
var storageRoles = [ roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor ]

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storageAccount.id, managedIdentityPrincipalId, role)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: if (!empty(userIdentityPrincipalId)) {
  name: guid(storageAccount.id, userIdentityPrincipalId, role)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: userIdentityPrincipalId
    principalType: userIdentityPrincipalType
  }
}]

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, managedIdentityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource openAIAccount 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(openAIAccountName)) {
  name: openAIAccountName
}

resource openAIUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(openAIAccountName)) {
  name: guid(resourceGroup().id, openAIAccountName, managedIdentityPrincipalId, roles.cognitiveServicesOpenAIUser)
  scope: openAIAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAIUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, managedIdentityPrincipalId, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource searchService 'Microsoft.Search/searchServices@2023-11-01' existing = if (!empty(searchServiceName)) {
  name: searchServiceName
}

resource appSearchRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in searchRoles: if (!empty(searchServiceName)) {
  name: guid(resourceGroup().id, searchServiceName, managedIdentityPrincipalId, role)
  scope: searchService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

// The deployer imports documents from their own machine with the command-line importer.
resource userSearchRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in searchRoles: if (!empty(searchServiceName) && !empty(userIdentityPrincipalId)) {
  name: guid(resourceGroup().id, searchServiceName, userIdentityPrincipalId, role)
  scope: searchService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: userIdentityPrincipalId
    principalType: userIdentityPrincipalType
  }
}]

resource speechAccount 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(speechAccountName)) {
  name: speechAccountName
}

resource speechUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(speechAccountName)) {
  name: guid(resourceGroup().id, speechAccountName, managedIdentityPrincipalId, roles.cognitiveServicesSpeechUser)
  scope: speechAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesSpeechUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}
