// The one storage account of the app. It holds:
//   - the Functions host's own state (AzureWebJobsStorage: leases, keys, blob-trigger receipts, queues),
//   - the editors' source posts (container 'posts'),
//   - the rendered HTML (container 'html'),
//   - the Flex Consumption deployment package (container 'deployments'),
//   - the post index (table 'PostIndex'),
//   - the static site's page work (queue 'site-pages'; the pages themselves go to $web).
// Shared keys are disabled: every caller authenticates with Entra ID.
// The static website ($web) is a data-plane setting; scripts/infra/enable-static-website.sh
// turns it on after provisioning, and scripts/infra/publish-web.sh uploads the reference
// front end (web/) to it after each deployment. Published post images go under media/ in $web.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags object = {}

@description('Blob containers to create. All are private.')
param containerNames array = [
  'posts'
  'html'
  'deployments'
]

@description('Storage queues to create.')
param queueNames array = [
  'site-pages'
]

@description('Tables to create.')
param tableNames array = [
  'PostIndex'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output webEndpoint string = storage.properties.primaryEndpoints.web
// The same endpoint as a browser origin (no trailing slash), for CORS lists and absolute site links.
output webOrigin string = endsWith(storage.properties.primaryEndpoints.web, '/')
  ? take(storage.properties.primaryEndpoints.web, max(0, length(storage.properties.primaryEndpoints.web) - 1))
  : storage.properties.primaryEndpoints.web
