// Role assignments. Data-plane roles only, each scoped to the one resource it is for:
//
//   app identity    -> storage account: Blob Data Owner, Queue Data Contributor, Table Data Contributor
//                   -> Application Insights: Monitoring Metrics Publisher (Entra ID ingestion)
//   deploying user  -> storage account: Blob Data Contributor, Table Data Contributor
//                      (optional; lets editors and operators use `--auth-mode login`)
//
// Blob Data Owner rather than Contributor for the app: the Functions host needs it for
// identity-based AzureWebJobsStorage (it manages blob leases and container metadata).

@description('Name of the storage account the roles are granted on.')
param storageAccountName string

@description('Name of the Application Insights component the app publishes telemetry to.')
param applicationInsightsName string

@description('Principal (object) ID of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Object ID of the user or service principal running the deployment. Empty to skip.')
param userPrincipalId string = ''

@description('Kind of principal in userPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param userPrincipalType string = 'User'

// Built-in role definition IDs (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var appStorageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var userStorageRoles = [
  roles.storageBlobDataContributor
  roles.storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appStorageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appStorageRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource appMetricsAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource userStorageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in userStorageRoles: if (!empty(userPrincipalId)) {
    name: guid(storage.id, userPrincipalId, roleId)
    scope: storage
    properties: {
      principalId: userPrincipalId
      principalType: userPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
