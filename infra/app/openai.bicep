// An optional Azure OpenAI account with one model deployment. Local (key) authentication is off: the app signs in
// with its managed identity, and its endpoint is the account's v1 API.
param name string
param location string = resourceGroup().location
param tags object = {}
param modelName string
param modelVersion string
param capacity int = 30

@description('An embedding model to deploy beside the chat model, for the knowledge base; empty deploys none.')
param embeddingModelName string = ''

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: modelName
  sku: { name: 'GlobalStandard', capacity: capacity }
  properties: {
    model: { format: 'OpenAI', name: modelName, version: modelVersion }
  }
}

// Deployments of one account are made one after the other; the service refuses them in parallel.
resource embeddingDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (!empty(embeddingModelName)) {
  parent: account
  name: empty(embeddingModelName) ? 'none' : embeddingModelName
  dependsOn: [ deployment ]
  sku: { name: 'GlobalStandard', capacity: capacity }
  properties: {
    model: { format: 'OpenAI', name: embeddingModelName, version: '1' }
  }
}

output name string = account.name
output endpoint string = 'https://${name}.openai.azure.com/openai/v1/'
output deploymentName string = deployment.name
