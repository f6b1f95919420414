// A fixed outbound IP for the WeChat API, which refuses calls from IPs not on the account's whitelist (40164): a virtual
// network whose app subnet goes out through a NAT Gateway with one static public IP. Flex Consumption integrates with a
// subnet delegated to Microsoft.App/environments and then sends all its outbound traffic through it.
param name string
param location string = resourceGroup().location
param tags object = {}

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2024-05-01' = {
  name: 'ng-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [ { id: publicIp.id } ]
  }
}

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${name}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.0.0/24'
          natGateway: { id: natGateway.id }
          delegations: [ { name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } } ]
        }
      }
    ]
  }
}

output subnetId string = network.properties.subnets[0].id
output outboundIp string = publicIp.properties.ipAddress
