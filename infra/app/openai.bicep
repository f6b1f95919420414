// An optional Azure OpenAI account with the chat model, and optionally the embedding, image and speech models. Local
// (key) authentication is off: the app signs in with its managed identity, and its endpoint is the account's v1 API,
// where each deployment is named after its model and the app asks for it by that name.
param name string
param location string = resourceGroup().location
param tags object = {}
param modelName string
param modelVersion string
param capacity int = 30

@description('An embedding model to deploy beside the chat model, for the knowledge base; empty deploys none.')
param embeddingModelName string = ''

@description('Deploy gpt-image-1 for pictures; Microsoft grants it on application (limited access).')
param imageModel bool = false

@description('Deploy gpt-4o-mini-transcribe and gpt-4o-mini-tts for transcribing voices and speaking answers.')
param speechModels bool = false

// gpt-image-1's default quota: 2 capacity units, 6 requests a minute per subscription and region.
var imageCapacity = 2

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

// Deployments of one account are made one after the other; the service refuses them in parallel. A dependency on a
// deployment that is not made is dropped, so each one names every deployment before it.
resource embeddingDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (!empty(embeddingModelName)) {
  parent: account
  name: empty(embeddingModelName) ? 'none' : embeddingModelName
  dependsOn: [ deployment ]
  sku: { name: 'GlobalStandard', capacity: capacity }
  properties: {
    model: { format: 'OpenAI', name: embeddingModelName, version: '1' }
  }
}

resource imageDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (imageModel) {
  parent: account
  name: 'gpt-image-1'
  dependsOn: [ deployment, embeddingDeployment ]
  sku: { name: 'GlobalStandard', capacity: imageCapacity }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-image-1', version: '2025-04-15' }
  }
}

resource transcriptionDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (speechModels) {
  parent: account
  name: 'gpt-4o-mini-transcribe'
  dependsOn: [ deployment, embeddingDeployment, imageDeployment ]
  sku: { name: 'GlobalStandard', capacity: capacity }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o-mini-transcribe', version: '2025-12-15' }
  }
}

resource speechDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (speechModels) {
  parent: account
  name: 'gpt-4o-mini-tts'
  dependsOn: [ deployment, embeddingDeployment, imageDeployment, transcriptionDeployment ]
  sku: { name: 'GlobalStandard', capacity: capacity }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o-mini-tts', version: '2025-12-15' }
  }
}

output name string = account.name
output endpoint string = 'https://${name}.openai.azure.com/openai/v1/'
output deploymentName string = deployment.name
output imageDeploymentName string = imageModel ? imageDeployment.name : ''
output transcriptionDeploymentName string = speechModels ? transcriptionDeployment.name : ''
output speechDeploymentName string = speechModels ? speechDeployment.name : ''
