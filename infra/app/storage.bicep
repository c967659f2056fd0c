// The storage account the pipeline and the Functions host share: the archive and feed containers,
// the deployment package container, the stage queues with their poison queues, and the tables.
// Shared-key access is off: everything connects with Microsoft Entra ID (the managed identity).
//
// The names below are the code's own (MinistryMonitor.Core.Messages.QueueNames, StorageClients.TableNames with
// Storage__TablePrefix, Storage__ArchiveContainer, Storage__FeedContainer and Storage__DataProtectionContainer in function.bicep).
// tests/Monitor.Infra.Tests fails when they drift apart.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags applied to the account.')
param tags object = {}

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Days a deleted blob or container can be recovered (archive protection).')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 14

// Blob containers of the archive: statements (archive) and the feeds they came from (feeds); and the web host's
// Data Protection keys (dataprotection), which every instance shares so that a form posted to any of them is accepted.
var containerNames = [
  'archive'
  'feeds'
  'dataprotection'
]

// Every queue the pipeline uses, each with the poison queue the Functions host moves failed messages to.
var queueNames = [
  'discover'
  'discover-poison'
  'fetch'
  'fetch-poison'
  'detect'
  'detect-poison'
  'alerts'
  'alerts-poison'
  'operator-alerts'
  'operator-alerts-poison'
]

// Storage__TablePrefix ('Monitor') followed by each of StorageClients.TableNames.
var tableNames = [
  'MonitorStatements'
  'MonitorIngestionLog'
  'MonitorSourceState'
  'MonitorAlerts'
  'MonitorDeliveries'
  'MonitorHttpValidators'
  'MonitorOnce'
  'MonitorOperatorAlerts'
  'MonitorSubscriptions'
  'MonitorDigestItems'
  'MonitorStatementTimeline'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in concat(containerNames, [deploymentContainerName]): {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

@description('Name of the storage account.')
output name string = account.name

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table
