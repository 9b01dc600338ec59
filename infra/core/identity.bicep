// The user-assigned managed identity the function app runs as. Every data-plane call
// the app makes (host storage, posts/html/table, Application Insights ingestion,
// reading the Flex deployment package) is authorised through this identity; the
// roles it holds are granted in app/rbac.bicep.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region for the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
