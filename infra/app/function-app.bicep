// The function app: a Flex Consumption (FC1) plan and the Linux function app on it,
// running .NET 10 isolated. The app runs as the user-assigned identity and reaches
// storage and Application Insights with Entra ID only; there is no key or secret in
// any setting.
//
// ALL app settings of the function app live in the `appSettings` array below, one
// setting per line, each name a plain string literal. A repository test reads this
// file and checks that every setting the code reads is listed here, so add new
// settings to this array (and nowhere else).

@description('Name of the function app (also its default host name prefix).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to the plan and the app. The app also gets azd-service-name.')
param tags object = {}

@description('Name of the azd service this app hosts (must match azure.yaml).')
param serviceName string = 'api'

@description('Resource ID of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client ID of that identity (used by identity-based connections).')
param identityClientId string

@description('Name of the storage account (host storage, posts, html, index, deployment package).')
param storageAccountName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Browser origins allowed to call the HTTP API (CORS), e.g. https://blog.example.com.')
param allowedOrigins array = []

@description('Blob container that holds the editors\' source posts.')
param sourceContainerName string = 'posts'

@description('Blob container that receives the rendered HTML.')
param htmlContainerName string = 'html'

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string = 'deployments'

@description('Table that holds the post index and per-blob publish status.')
param indexTableName string = 'PostIndex'

@description('Container published media is copied to (the static website container).')
param mediaContainerName string = '$web'

@description('Folder inside the media container that published media goes under; ends with a slash. The rest of $web holds the front end.')
param mediaPathPrefix string = 'media/'

@description('Container the static site is written to (the static website).')
param webContainerName string = '$web'

@description('Storage queue that carries page work (shared pages, fan-out, scheduled posts).')
param pageQueueName string = 'site-pages'

@description('Public address of the blog (the static website origin, no trailing slash); absolute links in the RSS feed and sitemap. Empty: the address a request came to.')
param siteUrl string = ''

@description('Azure AI Search endpoint (https://NAME.search.windows.net) that answers searches, reached with the app identity (Search Index Data Contributor). Empty: the embedded Lucene index.')
param searchEndpoint string = ''

@description('Azure AI Search index created from infra/search/posts-index.json; used only with searchEndpoint.')
param searchIndexName string = 'posts'

@description('Memory size of each instance, in MB (Flex Consumption: 512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on the number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var blobServiceUri = storage.properties.primaryEndpoints.blob
var queueServiceUri = storage.properties.primaryEndpoints.queue
var tableServiceUri = storage.properties.primaryEndpoints.table
var staticWebsiteUri = storage.properties.primaryEndpoints.web
// Published media is served by the static website, beside the front end: <web endpoint>media/...
var mediaBaseUrl = '${staticWebsiteUri}${mediaPathPrefix}'

var appSettings = [
  // Host storage for the Functions runtime, through the user-assigned identity.
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: blobServiceUri }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: queueServiceUri }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: tableServiceUri }
  // Named connection used by the blob triggers and by the app's own Blob/Table clients.
  { name: 'PostsStorage__credential', value: 'managedidentity' }
  { name: 'PostsStorage__clientId', value: identityClientId }
  { name: 'PostsStorage__blobServiceUri', value: blobServiceUri }
  { name: 'PostsStorage__queueServiceUri', value: queueServiceUri }
  { name: 'PostsStorage__tableServiceUri', value: tableServiceUri }
  // Where posts come from and where the results go.
  { name: 'Publishing__SourceContainer', value: sourceContainerName }
  { name: 'Publishing__HtmlContainer', value: htmlContainerName }
  { name: 'Publishing__IndexTable', value: indexTableName }
  { name: 'Search__Table', value: 'SearchIndex' }
  // Searches go to Azure AI Search when an endpoint is given, else to each instance's embedded index.
  { name: 'Search__Provider', value: empty(searchEndpoint) ? 'Lucene' : 'AzureAiSearch' }
  { name: 'Search__AzureAiSearch__Endpoint', value: searchEndpoint }
  { name: 'Search__AzureAiSearch__IndexName', value: searchIndexName }
  // Related-posts recomputations beyond what one publish does itself (RefreshRelatedPosts).
  { name: 'Related__Queue', value: 'related-posts' }
  { name: 'Review__MaxAgeMonths', value: '12' }
  { name: 'Publishing__MediaContainer', value: mediaContainerName }
  { name: 'Publishing__MediaPathPrefix', value: mediaPathPrefix }
  { name: 'Publishing__MediaBaseUrl', value: mediaBaseUrl }
  // The static site: pages written into the static website's container, page work through a queue.
  // Site__BaseUrl is the one base of every absolute link, in pages and in the API (posts are at /{slug}/).
  { name: 'Site__WebContainer', value: webContainerName }
  { name: 'Site__PageQueue', value: pageQueueName }
  { name: 'Site__BaseUrl', value: empty(siteUrl) ? staticWebsiteUri : siteUrl }
  // Every page's search box sends ?q= here: the search page beside the pages in $web, which calls /api/search.
  { name: 'Site__SearchUrl', value: '/search.html' }
  // Telemetry, sent with an Entra ID token of the user-assigned identity.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  // The polling blob trigger is for local runs against Azurite only; Flex Consumption
  // supports only the Event Grid-sourced blob trigger (PublishOnBlobEvent).
  { name: 'AzureWebJobs.PublishOnUpload.Disabled', value: 'true' }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      // CORS has one home, the platform: the app sets no CORS header of its own.
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      appSettings: appSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobServiceUri}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = functionApp.name
output id string = functionApp.id
output defaultHostName string = functionApp.properties.defaultHostName
output url string = 'https://${functionApp.properties.defaultHostName}'
output planName string = plan.name
output mediaBaseUrl string = mediaBaseUrl
