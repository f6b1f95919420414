// WeChatFunctions on a Flex Consumption function app (FC1), as `azd up` provisions it. Laid out after the official
// Azure-Samples Flex Consumption azd template: subscription scope, a user-assigned identity, storage without shared
// keys reached through that identity, Application Insights with Log Analytics. It cannot be compiled on our build
// machines (no Bicep CLI there); azure-pipelines.yml validates it with `az bicep build`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment, used for the resource group and a unique token in resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer Flex Consumption.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the signed-in user, given data access to the storage account for debugging. Optional.')
param principalId string = ''

@secure()
@description('wechat_token: the Token of the WeChat admin console server configuration.')
param wechatToken string

@description('wechat_app_id: the AppID, needed for compat and safe mode.')
param wechatAppId string = ''

@secure()
@description('wechat_encoding_aes_key: the EncodingAESKey, for compat and safe mode.')
param wechatEncodingAesKey string = ''

@secure()
@description('chat_gpt_token: the model API key. Leave empty with deployAzureOpenAI, which uses the managed identity.')
param chatGptToken string = ''

@description('chat_gpt_endpoint: any OpenAI-compatible base URL. Ignored with deployAzureOpenAI.')
param chatGptEndpoint string = 'https://api.openai.com/v1'

@description('chat_gpt_model: the model, or with deployAzureOpenAI the model to deploy.')
param chatGptModel string = 'gpt-4o-mini'

@secure()
@description('token: the admin command token. Empty disables admin commands.')
param adminToken string = ''

@description('Other settings of local.settings.json.tpl to set or override, such as { daily_limit: \'50\' }.')
param appSettingOverrides object = {}

@description('Also create an Azure OpenAI account with a deployment of chatGptModel; the app reaches it with its managed identity.')
param deployAzureOpenAI bool = false

@description('Model version for the Azure OpenAI deployment.')
param azureOpenAIModelVersion string = '2024-07-18'

@description('An existing Key Vault in the resource group that holds the secrets (wechat-token, wechat-encoding-aes-key, chat-gpt-token, admin-token). When given, the app reads them as Key Vault references and the secure parameters are ignored.')
param keyVaultName string = ''

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}wechat-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}wechat-${resourceToken}'
    location: location
    tags: tags
  }
}

module plan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'plan'
  scope: rg
  params: {
    name: '${abbrs.webServerFarms}${resourceToken}'
    sku: { name: 'FC1', tier: 'FlexConsumption' }
    reserved: true
    location: location
    tags: tags
  }
}

module storage 'br/public:avm/res/storage/storage-account:0.8.3' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    minimumTlsVersion: 'TLS1_2'
    blobServices: { containers: [ { name: deploymentStorageContainerName } ] }
    location: location
    tags: tags
  }
}

module monitoring 'br/public:avm/ptn/azd/monitoring:0.1.0' = {
  name: 'monitoring'
  scope: rg
  params: {
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
  }
}

module openAI 'app/openai.bicep' = if (deployAzureOpenAI) {
  name: 'openai'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesAccounts}${resourceToken}'
    location: location
    tags: tags
    modelName: chatGptModel
    modelVersion: azureOpenAIModelVersion
  }
}

// A Key Vault reference when a vault is given, else the secure parameter itself.
var useKeyVault = !empty(keyVaultName)
var secretSettings = {
  wechat_token: useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=wechat-token)' : wechatToken
  wechat_encoding_aes_key: useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=wechat-encoding-aes-key)' : wechatEncodingAesKey
  chat_gpt_token: deployAzureOpenAI ? '' : useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=chat-gpt-token)' : chatGptToken
  token: useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=admin-token)' : adminToken
}

// Every setting of local.settings.json.tpl, at its default; appSettingOverrides changes any of them.
var defaultSettings = {
  wechat_app_id: wechatAppId
  wechat_encoding_aes_key_previous: ''
  chat_gpt_endpoint: deployAzureOpenAI ? openAI.outputs.endpoint : chatGptEndpoint
  chat_gpt_model: deployAzureOpenAI ? openAI.outputs.deploymentName : chatGptModel
  chat_gpt_vision_model: ''
  allowed_models: ''
  chat_gpt_use_azure_identity: deployAzureOpenAI ? 'true' : 'false'
  chat_gpt_timeout_seconds: '60'
  chat_gpt_max_retries: '2'
  max_answer_tokens: '1024'
  max_clock_skew_seconds: '300'
  http_proxy: ''
  system_prompt: ''
  welcome_message: ''
  user_commands_enabled: 'true'
  max_context_tokens: '4000'
  session_idle_minutes: '30'
  reply_deadline_ms: '4500'
  claim_timeout_seconds: '30'
  continue_keyword: '继续'
  reply_format: 'plain'
  daily_limit: '20'
  daily_token_limit: '0'
  global_daily_token_limit: '0'
  rate_limit_per_minute: '6'
  price_per_1k_prompt_tokens: '0'
  price_per_1k_completion_tokens: '0'
  price_currency: 'USD'
  moderation: 'off'
  banned_words: ''
  banned_words_file: ''
  moderation_model: 'omni-moderation-latest'
  azure_content_safety_endpoint: ''
  // Empty: the managed identity, which needs the Cognitive Services User role on the Content Safety resource.
  azure_content_safety_key: ''
  azure_content_safety_severity: '4'
  quota_timezone: '+08:00'
  cleanup_schedule: '0 */10 * * * *'
  cleanup_interval_minutes: '10'
  history_retention_days: '30'
  admin_user_ids: ''
  white_list_user_ids: ''
  admin_email: ''
  // DefaultAzureCredential in the app picks the user-assigned identity by this id, for storage and Azure OpenAI.
  AZURE_CLIENT_ID: identity.outputs.clientId
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appServicePlanId: plan.outputs.resourceId
    storageAccountName: storage.outputs.name
    deploymentStorageContainerName: deploymentStorageContainerName
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    appSettings: union(defaultSettings, secretSettings, appSettingOverrides)
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.applicationInsightsName
    managedIdentityPrincipalId: identity.outputs.principalId
    userIdentityPrincipalId: principalId
    openAIAccountName: deployAzureOpenAI ? openAI.outputs.name : ''
    keyVaultName: keyVaultName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_NAME string = api.outputs.SERVICE_API_NAME
output SERVICE_API_NAME string = api.outputs.SERVICE_API_NAME
output WECHAT_SERVER_URL string = 'https://${api.outputs.SERVICE_API_HOSTNAME}/api/wechat'
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
