// An optional Azure AI Speech resource for transcribing voices (fast transcription) and speaking answers (neural
// text to speech). The custom subdomain is what Entra ID sign-in needs, and it cannot be removed once set; local (key)
// authentication is off, so the app signs in with its managed identity through the role in rbac.bicep.
param name string
param location string = resourceGroup().location
param tags object = {}

@description('S0 pays as it goes; F0 is free within its monthly allowance but offers no fast transcription.')
@allowed([ 'F0', 'S0' ])
param sku string = 'S0'

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SpeechServices'
  sku: { name: sku }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = speech.name
// Fast transcription is {endpoint}/speechtotext/transcriptions:transcribe and speech synthesis
// {endpoint}/tts/cognitiveservices/v1 on this custom domain.
output endpoint string = 'https://${name}.cognitiveservices.azure.com'
