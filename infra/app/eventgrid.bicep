// Event Grid system topic over the storage account. Flex Consumption has no polling
// blob trigger, so blob events reach the app through this topic. The two event
// subscriptions (BlobCreated -> blobs extension webhook, BlobDeleted -> the app's
// delete webhook) need function keys that exist only once the code is deployed, so
// scripts/infra/create-event-subscriptions.sh creates them in the azd postdeploy hook.

@description('Name of the system topic.')
param name string

@description('Azure region; must be the storage account\'s region.')
param location string

@description('Tags applied to the system topic.')
param tags object = {}

@description('Name of the storage account whose blob events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output id string = systemTopic.id
