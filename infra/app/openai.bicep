// An optional Azure OpenAI account with one model deployment. Local (key) authentication is off: the app signs in
// with its managed identity, and its endpoint is the account's v1 API.
param name string
param location string = resourceGroup().location
param tags object = {}
param modelName string
param modelVersion string
param capacity int = 30

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

output name string = account.name
output endpoint string = 'https://${name}.openai.azure.com/openai/v1/'
output deploymentName string = deployment.name
