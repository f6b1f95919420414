// WeChatFunctions on a Flex Consumption function app (FC1), as `azd up` provisions it: a user-assigned identity,
// storage without shared keys, a Key Vault for every secret, Application Insights without local authentication, and
// optionally an Azure OpenAI account (with image and speech models), Azure AI Search and Azure AI Speech. Every
// resource is declared here or in app/, with no registry modules, so CI compiles and lints it with the Bicep CLI and
// checks the ARM JSON and a `bicep snapshot` of what it deploys (WeChatFunctions.Tests/Infra).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment, used for the resource group and a unique token in resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource; only regions that offer Flex Consumption are allowed.')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deployer, given data access to the storage account for debugging. Optional.')
param principalId string = ''

@description('What principalId is: User when a person runs azd, ServicePrincipal when a pipeline does.')
@allowed([ 'User', 'ServicePrincipal' ])
param principalType string = 'User'

@secure()
@description('wechat_token: the Token of the WeChat server configuration.')
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
@description('token: the admin command token, at least 16 characters. Empty disables admin commands.')
param adminToken string = ''

@secure()
@description('azure_content_safety_key: the Azure AI Content Safety key. Empty uses the managed identity.')
param contentSafetyKey string = ''

@description('Other settings of local.settings.json.tpl to set or override, such as { daily_limit: \'50\' }. Not for secrets.')
param appSettingOverrides object = {}

@description('Also create an Azure OpenAI account with a deployment of chatGptModel; the app reaches it with its managed identity.')
param deployAzureOpenAI bool = false

// The Flex Consumption regions nearest China (eastasia, southeastasia) offer neither the chat nor the embedding model as
// a deployment; the account lives in its own region, and GlobalStandard deployments serve from Azure's global capacity.
@description('Region of the Azure OpenAI account: one that offers chatGptModel and text-embedding-3-small as GlobalStandard deployments.')
param openAILocation string = 'eastus2'

@description('Model version for the Azure OpenAI deployment.')
param azureOpenAIModelVersion string = '2024-07-18'

@secure()
@description('wechat_app_secret: the AppSecret, for customer-service messages (reply_mode customer_service or auto).')
param wechatAppSecret string = ''

@description('reply_mode: passive, or customer_service / auto for accounts with the customer-service API (README).')
@allowed([ 'passive', 'customer_service', 'auto' ])
param replyMode string = 'passive'

@description('Put the app on a virtual network whose traffic leaves through a NAT Gateway with one static public IP, for WeChat\'s IP whitelist. About USD 36 a month (README).')
param staticOutboundIp bool = false

@description('knowledge_mode: off, or prefer / only to answer from the knowledge base (README, 知识库).')
@allowed([ 'off', 'prefer', 'only' ])
param knowledgeMode string = 'off'

@description('Keep the knowledge base in a new Azure AI Search service instead of the app\'s storage account; the app reaches it with its managed identity.')
param deployKnowledgeSearch bool = false

@description('Pricing tier of that Azure AI Search service.')
@allowed([ 'free', 'basic', 'standard' ])
param knowledgeSearchSku string = 'basic'

@description('Rerank the knowledge base\'s hybrid search with the semantic ranker of that service.')
param knowledgeSemanticRanker bool = false

@description('Also deploy gpt-image-1 on the Azure OpenAI account (with deployAzureOpenAI) and turn image_generation on. Microsoft grants gpt-image-1 on application.')
param deployImageModel bool = false

@description('Also deploy gpt-4o-mini-transcribe and gpt-4o-mini-tts on the Azure OpenAI account (with deployAzureOpenAI), for voices.')
param deploySpeechModels bool = false

@description('Create an Azure AI Speech resource for transcribing voices and speaking answers; the app reaches it with its managed identity.')
param deployAzureSpeech bool = false

// Fast transcription is offered in fewer regions than speech itself: not in eastasia, so southeastasia is the nearest
// to China (Microsoft Learn, Speech service supported regions). Every region listed offers neural voices too.
@description('Region of the Azure AI Speech resource: one that offers fast transcription.')
@allowed([
  'australiaeast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'japanwest'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
param speechLocation string = 'southeastasia'

@description('Pricing tier of that Speech resource: S0, or F0 (free allowance, speech synthesis only: F0 offers no fast transcription).')
@allowed([ 'F0', 'S0' ])
param azureSpeechSku string = 'S0'

@minValue(0)
@description('Always-ready instances for the HTTP function: no cold start for the first message, billed while idle (README).')
param alwaysReadyInstances int = 0

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}wechat-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var keyVaultName = '${abbrs.keyVaultVaults}${take(resourceToken, 20)}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}wechat-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentStorageContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
  }
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    wechatToken: wechatToken
    wechatEncodingAesKey: wechatEncodingAesKey
    chatGptToken: deployAzureOpenAI ? '' : chatGptToken
    adminToken: adminToken
    contentSafetyKey: contentSafetyKey
    wechatAppSecret: wechatAppSecret
  }
}

module network 'app/network.bicep' = if (staticOutboundIp) {
  name: 'network'
  scope: rg
  params: {
    name: 'wechat-${resourceToken}'
    location: location
    tags: tags
  }
}

module openAI 'app/openai.bicep' = if (deployAzureOpenAI) {
  name: 'openai'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesAccounts}${resourceToken}'
    location: openAILocation
    tags: tags
    modelName: chatGptModel
    modelVersion: azureOpenAIModelVersion
    embeddingModelName: knowledgeMode == 'off' ? '' : 'text-embedding-3-small'
    imageModel: deployImageModel
    speechModels: deploySpeechModels
  }
}

module speech 'app/speech.bicep' = if (deployAzureSpeech) {
  name: 'speech'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesSpeech}${resourceToken}'
    location: speechLocation
    tags: tags
    sku: azureSpeechSku
  }
}

module knowledgeSearch 'app/search.bicep' = if (deployKnowledgeSearch) {
  name: 'search'
  scope: rg
  params: {
    name: 'srch-${resourceToken}'
    location: location
    tags: tags
    sku: knowledgeSearchSku
    semanticRanker: knowledgeSemanticRanker
  }
}

// Each secret setting is a Key Vault reference, resolved by the platform with the app's identity; empty stays empty.
var secretSettings = {
  wechat_token: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=wechat-token)'
  wechat_encoding_aes_key: empty(wechatEncodingAesKey) ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=wechat-encoding-aes-key)'
  chat_gpt_token: deployAzureOpenAI || empty(chatGptToken) ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=chat-gpt-token)'
  token: empty(adminToken) ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=admin-token)'
  azure_content_safety_key: empty(contentSafetyKey) ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=content-safety-key)'
  wechat_app_secret: empty(wechatAppSecret) ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=wechat-app-secret)'
}

// Every setting of local.settings.json.tpl, at its default; appSettingOverrides changes any of them.
var defaultSettings = {
  wechat_app_id: wechatAppId
  wechat_encoding_aes_key_previous: ''
  chat_gpt_endpoint: deployAzureOpenAI ? openAI!.outputs.endpoint : chatGptEndpoint
  chat_gpt_model: deployAzureOpenAI ? openAI!.outputs.deploymentName : chatGptModel
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
  claim_timeout_seconds: '5'
  continue_keyword: '继续'
  reply_mode: replyMode
  max_pushed_messages: '3'
  wechat_api_base: ''
  reply_format: 'plain'
  daily_limit: '20'
  daily_token_limit: '0'
  global_daily_token_limit: '1000000'
  rate_limit_per_minute: '6'
  price_per_1k_prompt_tokens: '0'
  price_per_1k_completion_tokens: '0'
  price_per_1k_embedding_tokens: '0'
  price_currency: 'USD'
  moderation: 'off'
  banned_words: ''
  banned_words_file: ''
  moderation_model: 'omni-moderation-latest'
  azure_content_safety_endpoint: ''
  azure_content_safety_severity: '4'
  quota_timezone: '+08:00'
  cleanup_schedule: '0 */10 * * * *'
  cleanup_interval_minutes: '10'
  history_retention_days: '30'
  admin_user_ids: ''
  white_list_user_ids: ''
  admin_email: ''
  knowledge_mode: knowledgeMode
  knowledge_top_k: '4'
  knowledge_min_score: '0.3'
  knowledge_embedding_model: 'text-embedding-3-small'
  knowledge_embedding_dimensions: '256'
  knowledge_search_endpoint: deployKnowledgeSearch ? knowledgeSearch!.outputs.endpoint : ''
  knowledge_search_index: 'wechat-knowledge'
  knowledge_semantic_ranker: knowledgeSemanticRanker ? 'true' : 'false'
  image_url_hosts: '*.qpic.cn,*.qlogo.cn'
  allow_private_network_fetch: 'false'
  allow_insecure_endpoints: 'false'
}

// Voices and pictures: only the settings these deployments decide; the rest keep the app's defaults, and voice_reply
// stays the operator's choice. Azure Speech transcribes (on S0 only) and speaks; the OpenAI models do what it does not.
var openAISpeechModels = deployAzureOpenAI && deploySpeechModels
// Hearing voices downloads them with the account's credentials, without which the app refuses to start; the openai
// provider needs ffmpeg, which Flex Consumption lacks, so only Azure AI Speech's fast transcription is turned on here.
var transcriptionProvider = deployAzureSpeech && azureSpeechSku == 'S0' && !empty(wechatAppId) ? 'azure_speech' : ''
var ttsProvider = deployAzureSpeech ? 'azure_speech' : openAISpeechModels ? 'openai' : ''
var mediaSettings = union(
  empty(transcriptionProvider) ? {} : { transcription_provider: transcriptionProvider },
  empty(ttsProvider) ? {} : { tts_provider: ttsProvider },
  deployAzureSpeech ? { speech_endpoint: speech!.outputs.endpoint } : {},
  openAISpeechModels ? {
    transcription_model: openAI!.outputs.transcriptionDeploymentName
    tts_model: openAI!.outputs.speechDeploymentName
  } : {},
  deployAzureOpenAI && deployImageModel ? { image_model: openAI!.outputs.imageDeploymentName } : {},
  // Pictures are sent as uploaded media, which needs the account's credentials; without them the app would refuse to start.
  deployAzureOpenAI && deployImageModel && !empty(wechatAppId) ? { image_generation: 'on' } : {}
)

// The roles first: the app resolves its Key Vault references and reaches storage with them from its first start.
module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: vault.outputs.name
    managedIdentityPrincipalId: identity.outputs.principalId
    userIdentityPrincipalId: principalId
    userIdentityPrincipalType: principalType
    openAIAccountName: deployAzureOpenAI ? openAI!.outputs.name : ''
    searchServiceName: deployKnowledgeSearch ? knowledgeSearch!.outputs.name : ''
    speechAccountName: deployAzureSpeech ? speech!.outputs.name : ''
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [ rbac ]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentStorageContainerName: deploymentStorageContainerName
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    alwaysReadyInstances: alwaysReadyInstances
    subnetId: staticOutboundIp ? network!.outputs.subnetId : ''
    appSettings: union(defaultSettings, mediaSettings, appSettingOverrides, secretSettings)
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_NAME string = api.outputs.SERVICE_API_NAME
output SERVICE_API_NAME string = api.outputs.SERVICE_API_NAME
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
// The IP to add to the account's IP whitelist on 微信开发者平台; empty without staticOutboundIp.
output WECHAT_OUTBOUND_IP string = staticOutboundIp ? network!.outputs.outboundIp : ''
output SPEECH_ENDPOINT string = deployAzureSpeech ? speech!.outputs.endpoint : ''
output KNOWLEDGE_SEARCH_ENDPOINT string = deployKnowledgeSearch ? knowledgeSearch!.outputs.endpoint : ''
output WECHAT_SERVER_URL string = 'https://${api.outputs.SERVICE_API_HOSTNAME}/api/wechat'
