// Entry point for `azd provision` / `azd up`. Subscription scope: creates the resource
// group, then composes the small modules under core/ and app/.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used in the resource group name and to derive unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. Pick a region where the Flex Consumption plan is offered.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object ID of the user running azd. Gets blob and table data roles on the storage account. Empty to skip.')
param principalId string = ''

@description('Kind of principal in principalId (User for a person, ServicePrincipal for a CI identity).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Browser origins allowed to call the HTTP API (CORS), as an array.')
param allowedOrigins array = []

@description('The same as allowedOrigins, as one comma-separated string (what azd passes from API_ALLOWED_ORIGINS). Both lists are merged.')
param allowedOriginsCsv string = ''

@description('Azure AI Search endpoint for searches (what azd passes from AZURE_SEARCH_ENDPOINT); empty keeps the embedded index. See docs/deploy.md.')
param searchEndpoint string = ''

var tags = {
  'azd-env-name': environmentName
}

// Unique, stable suffix for resource names within this subscription/environment/region.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

var names = {
  resourceGroup: 'rg-${environmentName}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  identity: 'id-func-${resourceToken}'
  storage: 'st${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  systemTopic: 'evgt-st${resourceToken}'
}

var csvOrigins = filter(map(split(allowedOriginsCsv, ','), origin => trim(origin)), origin => !empty(origin))
var operatorOrigins = union(allowedOrigins, csvOrigins)

var storageNames = {
  posts: 'posts'
  html: 'html'
  deployments: 'deployments'
  indexTable: 'PostIndex'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module monitor 'core/monitor.bicep' = {
  name: 'monitor'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    containerNames: [
      storageNames.posts
      storageNames.html
      storageNames.deployments
    ]
    tableNames: [
      storageNames.indexTable
    ]
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitor.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

// The reference front end is published to the storage account's static website
// (scripts/infra/publish-web.sh), so that origin may always call the API, whatever the
// operator lists. Storage output -> function app input: no dependency cycle.
var siteOrigin = storage.outputs.webOrigin
var corsOrigins = union(operatorOrigins, [siteOrigin])

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitor.outputs.applicationInsightsName
    allowedOrigins: corsOrigins
    siteUrl: siteOrigin
    sourceContainerName: storageNames.posts
    htmlContainerName: storageNames.html
    deploymentContainerName: storageNames.deployments
    indexTableName: storageNames.indexTable
    searchEndpoint: searchEndpoint
  }
  // Let the role assignments land before the host first starts, so it can reach its storage.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

// Outputs become azd environment values (and so environment variables of the hooks).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_STORAGE_WEB_ENDPOINT string = storage.outputs.webEndpoint
output AZURE_STORAGE_POSTS_CONTAINER string = storageNames.posts
output AZURE_STORAGE_INDEX_TABLE string = storageNames.indexTable
output AZURE_MEDIA_BASE_URL string = functionApp.outputs.mediaBaseUrl
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitor.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = monitor.outputs.logAnalyticsWorkspaceName
