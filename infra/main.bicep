// Ministry Monitor on Azure: `azd up` provisions this and deploys src/Monitor.Functions to it.
// Everything is defined in the local modules under app/ (no registry modules, so the template builds offline).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region of every resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Name of the resource group; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or pipeline running azd (AZURE_PRINCIPAL_ID). Gets data access to the storage account and Key Vault Secrets Officer. Empty for none.')
param principalId string = ''

@description('Kind of principal principalId is: User for a person, ServicePrincipal for a CI pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Minutes between schedule checks (DISCOVER_SCHEDULE = 0 */N * * * *). Sources are fetched at their own interval (intervalMinutes in sources.json, 15 by default).')
@allowed([
  1
  2
  3
  4
  5
  6
  10
  12
  15
  20
  30
])
param scheduleMinutes int = 5

@minLength(1)
@description('Host name of the SMTP server alerts are sent through (SMTP_HOST).')
param smtpHost string

@minValue(1)
@maxValue(65535)
@description('SMTP port: 587 for STARTTLS submission, 465 for TLS on connect (SMTP_PORT).')
param smtpPort int = 587

@allowed([
  'Auto'
  'None'
  'StartTls'
  'SslOnConnect'
])
@description('How the SMTP connection is secured (SMTP_SECURITY).')
param smtpSecurity string = 'Auto'

@description('SMTP user name; empty when the server needs no authentication (SMTP_USERNAME).')
param smtpUserName string = ''

@secure()
@description('SMTP password (SMTP_PASSWORD). Stored in Key Vault. Empty leaves the secret in Key Vault as it is, so it can be set there directly instead.')
param smtpPassword string = ''

@minLength(3)
@description('Sender address of alert e-mails (SMTP_FROM).')
param smtpFrom string

@description('Sender display name of alert e-mails (SMTP_FROM_NAME).')
param smtpFromName string = 'Ministry Monitor'

@secure()
@description('Key that signs unsubscribe links; azd generates it once and reads it back from Key Vault afterwards. Stored in Key Vault.')
param unsubscribeSigningKey string = ''

@description('Operators e-mailed when a source fails, is blocked or recovers, and when messages are poisoned: comma-separated addresses; empty mails nobody (OPERATOR_EMAILS).')
param operatorEmails string = ''

@description('User-Agent header sent to ministry sites: name the operator and a contact address.')
param fetchUserAgent string = 'MinistryMonitor/1.0 (+https://github.com/ministry-monitor/ministry-monitor)'

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance in MB.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Most instances the app scales out to.')
param maximumInstanceCount int = 40

@allowed([
  'free'
  'basic'
  'standard'
  'standard2'
  'standard3'
  'storage_optimized_l1'
  'storage_optimized_l2'
])
@description('Azure AI Search tier for the archive search (infra/README.md lists the monthly cost of each). Free: one per subscription, 50 MB.')
param searchSku string = 'free'

@minValue(1)
@maxValue(12)
@description('Search replicas (ignored on Free).')
param searchReplicaCount int = 1

@description('Client id of the Microsoft Entra app registration for App Service Authentication (operators sign in with it and need its Monitor.Operator app role). Empty: sign-in off, operator console closed.')
param webAuthClientId string = ''

@description('Require sign-in for the reader pages and /api/statements too (by default they are public).')
param webRequireSignIn bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'ministry-monitor'
}
var functionAppName = 'func-monitor-${resourceToken}'
// The Flex Consumption plan takes the app package from this container.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var identityName = 'id-monitor-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var searchServiceName = 'srch-monitor-${resourceToken}'
var smtpPasswordSecretName = 'smtp-password'
var unsubscribeSigningKeySecretName = 'unsubscribe-signing-key'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    smtpPasswordSecretName: smtpPasswordSecretName
    unsubscribeSigningKeySecretName: unsubscribeSigningKeySecretName
    smtpPassword: smtpPassword
    unsubscribeSigningKey: unsubscribeSigningKey
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  // Names are known before deployment (better what-if); the resources must exist first.
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    identityName: identityName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module search 'app/search.bicep' = {
  name: 'search'
  scope: rg
  // The identity is looked up by name (known before deployment, better what-if); it must exist first.
  dependsOn: [
    identity
  ]
  params: {
    name: searchServiceName
    location: location
    tags: tags
    sku: searchSku
    replicaCount: searchReplicaCount
    identityName: identityName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  // The identity must hold its storage and Key Vault roles before the host starts and resolves Key Vault references.
  dependsOn: [
    rbac
  ]
  params: {
    name: functionAppName
    planName: 'plan-monitor-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    searchEndpoint: search.outputs.endpoint
    smtpPasswordSecretName: smtpPasswordSecretName
    unsubscribeSigningKeySecretName: unsubscribeSigningKeySecretName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    scheduleMinutes: scheduleMinutes
    operatorEmails: operatorEmails
    authClientId: webAuthClientId
    requireSignIn: webRequireSignIn
    smtp: {
      host: smtpHost
      port: smtpPort
      security: smtpSecurity
      userName: smtpUserName
      from: smtpFrom
      fromName: smtpFromName
      timeoutSeconds: 30
    }
    fetch: {
      userAgent: fetchUserAgent
      attemptTimeoutSeconds: 30
      totalTimeoutSeconds: 120
      maxRetries: 3
      allowPrivateNetworks: false
      maxConcurrentPerHost: 2
      minDelayMilliseconds: 1000
      maxResponseMegabytes: 32
      maxRetryAfterMinutes: 1440
    }
  }
}

// azd stores these in .azure/<environment>/.env; infra/README.md uses them.
@description('Azure region.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the function app.')
output AZURE_FUNCTION_APP_NAME string = function.outputs.name

@description('Host name of the function app.')
output AZURE_FUNCTION_APP_HOST string = function.outputs.defaultHostName

@description('Storage account holding the archive, queues and tables.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob endpoint of the archive.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Queue endpoint (operator-alerts and the poison queues are read here).')
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint

@description('Table endpoint (ingestion log, alert and delivery ledgers).')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Key Vault holding the SMTP password and the unsubscribe signing key; azd reads the key back from it.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Key Vault URI.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri

@description('Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('Application Insights connection string.')
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString

@description('Log Analytics workspace.')
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName

@description('Azure AI Search endpoint of the archive search.')
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint

@description('Client id of the app\'s managed identity.')
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
