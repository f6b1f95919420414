// The Key Vault that holds the app's secrets. Authorization is by Azure RBAC; the app reads the secrets through Key
// Vault references in its settings, so no secret value ever appears in an app setting, a parameter file or the
// deployment history. Secrets left empty are not created.
param name string
param location string = resourceGroup().location
param tags object = {}

@secure()
param wechatToken string
@secure()
param wechatEncodingAesKey string
@secure()
param chatGptToken string
@secure()
param adminToken string
@secure()
param contentSafetyKey string
@secure()
param wechatAppSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

var secrets = [
  { name: 'wechat-token', value: wechatToken }
  { name: 'wechat-encoding-aes-key', value: wechatEncodingAesKey }
  { name: 'chat-gpt-token', value: chatGptToken }
  { name: 'admin-token', value: adminToken }
  { name: 'content-safety-key', value: contentSafetyKey }
  { name: 'wechat-app-secret', value: wechatAppSecret }
]

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for item in secrets: if (!empty(item.value)) {
  parent: vault
  name: item.name
  properties: { value: item.value }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
