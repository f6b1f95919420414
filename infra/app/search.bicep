// An optional Azure AI Search service for the knowledge base, for more documents than the app's own storage serves
// well. Key authentication is off: the app and the deployer sign in with Entra ID, through the roles in rbac.bicep.
param name string
param location string = resourceGroup().location
param tags object = {}

@allowed([ 'free', 'basic', 'standard' ])
param sku string = 'basic'

@description('Offer the semantic ranker (its free plan: 1,000 queries a month).')
param semanticRanker bool = false

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: sku }
  properties: {
    replicaCount: 1
    partitionCount: 1
    hostingMode: 'default'
    disableLocalAuth: true
    publicNetworkAccess: 'enabled'
    semanticSearch: semanticRanker ? 'free' : 'disabled'
  }
}

output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
