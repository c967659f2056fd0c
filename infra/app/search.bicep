// Azure AI Search for the archive's full-text search. The pipeline pushes each archived version into the index
// with the app's managed identity (no blob indexer: an indexer would need the service's own identity, i.e. Basic
// or higher, and shared-key access to storage, which the account refuses). The app creates the index itself.
// Monthly prices of each tier are in infra/README.md.

@description('Name of the search service (2-60 lower-case letters, digits, dashes; globally unique).')
@minLength(2)
@maxLength(60)
param name string

@description('Azure region.')
param location string

@description('Tags of the service.')
param tags object = {}

@description('Pricing tier. Free: one per subscription, 50 MB, 3 indexes, no SLA, no scaling.')
@allowed([
  'free'
  'basic'
  'standard'
  'standard2'
  'standard3'
  'storage_optimized_l1'
  'storage_optimized_l2'
])
param sku string = 'free'

@description('Replicas (query throughput and availability; 2 for a read SLA, 3 for read-write). Free allows 1.')
@minValue(1)
@maxValue(12)
param replicaCount int = 1

@description('Partitions (storage and indexing throughput). Free allows 1.')
@allowed([
  1
  2
  3
  4
  6
  12
])
param partitionCount int = 1

@description('Name of the app\'s user-assigned identity: it writes documents and creates the index.')
param identityName string

@description('Principal id of the person or pipeline running azd; gets read access to the index (Search explorer). Empty for none.')
param deployerPrincipalId string = ''

@description('Kind of principal deployerPrincipalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var roles = {
  searchIndexDataContributor: '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
  searchIndexDataReader: '1407120a-92aa-4202-b7e9-c0e197c71c8f'
  searchServiceContributor: '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

var appPrincipalId = identity.properties.principalId

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    replicaCount: sku == 'free' ? 1 : replicaCount
    partitionCount: sku == 'free' ? 1 : partitionCount
    hostingMode: 'default'
    publicNetworkAccess: 'enabled'
    // Entra ID only, like the storage account: no admin or query keys to leak.
    disableLocalAuth: true
  }
}

// Documents: the pipeline's pushes and the API's queries.
resource appIndexData 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(search.id, identity.id, roles.searchIndexDataContributor)
  scope: search
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.searchIndexDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The index definition: the app creates or updates it at first use (AzureSearchIndexSchema).
resource appIndexSchema 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(search.id, identity.id, roles.searchServiceContributor)
  scope: search
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.searchServiceContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerIndexRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(search.id, deployerPrincipalId, roles.searchIndexDataReader)
  scope: search
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.searchIndexDataReader)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

@description('Name of the search service.')
output name string = search.name

@description('Endpoint the app queries and pushes to (Search__Endpoint).')
output endpoint string = 'https://${search.name}.search.windows.net'
