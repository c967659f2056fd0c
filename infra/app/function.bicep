// The Flex Consumption plan and the function app (.NET 10 isolated worker), with every app setting
// the code binds. tests/Monitor.Infra.Tests reads the compiled template and fails when the code reads a
// setting that is not set here, so add new settings to the appsettings resource below.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app (the app also gets azd-service-name).')
param tags object = {}

@description('Service name in azure.yaml; azd deploys to the app tagged with it.')
param serviceName string = 'monitor'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Name of the storage account (host storage, archive, queues, tables).')
param storageAccountName string

@description('Blob endpoint of that account.')
param storageBlobEndpoint string

@description('Blob container the plan deploys the app package from.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Key Vault URI (ends with a slash).')
param keyVaultUri string

@description('Azure AI Search endpoint the pipeline pushes archived versions to and the API queries (Search__Endpoint).')
param searchEndpoint string

@description('Name of the Key Vault secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('Name of the Key Vault secret holding the unsubscribe signing key.')
param unsubscribeSigningKeySecretName string

@description('Client id of the Microsoft Entra app registration operators sign in with (App Service Authentication); empty leaves sign-in off, so the operator console answers 401 to everyone.')
param authClientId string = ''

@description('When true, readers must sign in too (Web__RequireSignIn); by default the reader pages and /api/statements are public.')
param requireSignIn bool = false

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to. Low keeps the load on ministry sites (and the bill) small.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Minutes between schedule checks (DISCOVER_SCHEDULE). Each source is fetched when its own interval has passed.')
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

@description('Operators e-mailed about failing, blocked and recovered sources and poisoned messages (comma-separated; empty mails nobody).')
param operatorEmails string = ''

@description('SMTP server the alerts are sent through.')
param smtp smtpSettings

@description('How ministry sites are fetched.')
param fetch fetchSettings

@description('SMTP settings (Smtp__* app settings). The password is a Key Vault secret, not part of this.')
type smtpSettings = {
  @description('Host name of the SMTP server.')
  @minLength(1)
  host: string

  @description('Port: 587 for STARTTLS submission, 465 for TLS on connect.')
  @minValue(1)
  @maxValue(65535)
  port: int

  @description('MailKit SecureSocketOptions.')
  security: ('Auto' | 'None' | 'StartTls' | 'SslOnConnect')

  @description('User name for SMTP authentication; empty for none.')
  userName: string

  @description('Sender address of alert e-mails.')
  @minLength(3)
  from: string

  @description('Sender display name.')
  fromName: string

  @description('Seconds allowed for connecting and sending.')
  @minValue(1)
  @maxValue(600)
  timeoutSeconds: int
}

@description('Fetch settings (Fetch__* app settings).')
type fetchSettings = {
  @description('User-Agent header sent to ministry sites.')
  @minLength(1)
  userAgent: string

  @minValue(1)
  @maxValue(300)
  attemptTimeoutSeconds: int

  @minValue(1)
  @maxValue(900)
  totalTimeoutSeconds: int

  @minValue(0)
  @maxValue(10)
  maxRetries: int

  @description('The SSRF guard: false refuses loopback, private, link-local and metadata addresses. Keep it false on Azure.')
  allowPrivateNetworks: bool

  @minValue(1)
  @maxValue(16)
  maxConcurrentPerHost: int

  @description('Least time between two requests to one host; queue visibility delays keep it across instances.')
  @minValue(0)
  @maxValue(60000)
  minDelayMilliseconds: int

  @description('Responses larger than this once decompressed are refused.')
  @minValue(1)
  @maxValue(256)
  maxResponseMegabytes: int

  @description('The longest a host is left alone when it answers 429 or 503 with a longer Retry-After.')
  @minValue(1)
  @maxValue(10080)
  maxRetryAfterMinutes: int
}

// host.json is read at build time, so the local runner's LocalRunner__* settings equal what the Functions host does.
var host = loadJsonContent('../../host.json')
var queueHost = host.extensions.queues
var visibilityTimeout = split(queueHost.visibilityTimeout, ':')
var visibilityTimeoutSeconds = int(visibilityTimeout[0]) * 3600 + int(visibilityTimeout[1]) * 60 + int(visibilityTimeout[2])

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
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
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
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

// No publishing passwords: azd deploys with Microsoft Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and
// the content-share settings: the runtime and the package are in functionAppConfig above.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // PublicWebOptions: e-mails link to the statement, manage and unsubscribe pages of the web host.
    Web__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
    // Functions host storage through the identity (no connection string: shared keys are disabled).
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry through the identity (local auth is disabled on Application Insights).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // DefaultAzureCredential, wherever used, picks the user-assigned identity.
    AZURE_CLIENT_ID: identityClientId

    // Timer of ScheduleFunction (%DISCOVER_SCHEDULE%).
    DISCOVER_SCHEDULE: '0 */${scheduleMinutes} * * * *'
    // Timer of WatchPoisonFunction (%POISON_WATCH_SCHEDULE%): operators hear of poisoned messages within 15 minutes.
    POISON_WATCH_SCHEDULE: '0 */15 * * * *'
    // Timer of NotifyOperatorsFunction (%OPERATOR_NOTIFY_SCHEDULE%): operator alerts are recorded and mailed within 5 minutes.
    OPERATOR_NOTIFY_SCHEDULE: '0 */5 * * * *'

    // OperatorOptions.
    Operators__Emails: operatorEmails

    // Timer of DigestFunction (%DIGEST_SCHEDULE%): digests go out at their subscribers' local hour, so hourly (at :01).
    DIGEST_SCHEDULE: '0 1 * * * *'

    // StorageOptions. Names must match storage.bicep (checked by Monitor.Infra.Tests).
    Storage__AccountName: storageAccountName
    Storage__ManagedIdentityClientId: identityClientId
    Storage__ArchiveContainer: 'archive'
    Storage__FeedContainer: 'feeds'
    Storage__DataProtectionContainer: 'dataprotection'
    Storage__TablePrefix: 'Monitor'

    // SearchOptions: Azure AI Search through the identity (search.bicep grants its roles). Search__IndexPath and
    // Search__InMemory are for the embedded Lucene index, which Azure does not use.
    Search__Endpoint: searchEndpoint
    Search__IndexName: 'statements'

    // MonitorFilesOptions: the configuration files deployed with the app (src/Monitor.Functions/config).
    Monitor__SourcesFile: 'config/sources.json'
    Monitor__TopicsFile: 'config/topics.json'
    Monitor__SubscriptionsFile: 'config/subscriptions.json'

    // SmtpOptions. Smtp__PickupDirectory is deliberately not set: on Azure mail goes to the SMTP server.
    Smtp__Host: smtp.host
    Smtp__Port: string(smtp.port)
    Smtp__Security: smtp.security
    Smtp__UserName: smtp.userName
    Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${smtpPasswordSecretName})'
    Smtp__From: smtp.from
    Smtp__FromName: smtp.fromName
    Smtp__TimeoutSeconds: string(smtp.timeoutSeconds)

    // FetchOptions.
    Fetch__UserAgent: fetch.userAgent
    Fetch__AttemptTimeoutSeconds: string(fetch.attemptTimeoutSeconds)
    Fetch__TotalTimeoutSeconds: string(fetch.totalTimeoutSeconds)
    Fetch__MaxRetries: string(fetch.maxRetries)
    Fetch__AllowPrivateNetworks: string(fetch.allowPrivateNetworks)
    Fetch__MaxConcurrentPerHost: string(fetch.maxConcurrentPerHost)
    Fetch__MinDelayMilliseconds: string(fetch.minDelayMilliseconds)
    Fetch__MaxResponseMegabytes: string(fetch.maxResponseMegabytes)
    Fetch__MaxRetryAfterMinutes: string(fetch.maxRetryAfterMinutes)

    // PipelineOptions drive the local runner; on Azure host.json does the same job, so they are taken from it.
    LocalRunner__MaxDequeueCount: string(queueHost.maxDequeueCount)
    LocalRunner__BatchSize: string(queueHost.batchSize)
    LocalRunner__Concurrency: string(queueHost.batchSize)
    LocalRunner__RetryDelaySeconds: string(visibilityTimeoutSeconds)
    LocalRunner__ScheduleMinutes: string(scheduleMinutes)
    // Only the local runner leases messages itself; the Functions host holds them while a function runs.
    LocalRunner__MessageLeaseSeconds: '30'
    // Longer than an SMTP send can take (3 steps of Smtp__TimeoutSeconds), shorter than a crashed message takes to reappear.
    LocalRunner__ClaimLeaseSeconds: '120'

    // WithdrawalOptions: archived statements are fetched again daily in their first week, then every 3 days up to
    // 30 days, to see whether the ministry withdrew them; the sweep runs with the Schedule timer.
    Withdrawals__RecentIntervalHours: '24'
    Withdrawals__RecentDays: '7'
    Withdrawals__OlderIntervalHours: '72'
    Withdrawals__WindowDays: '30'

    // WebOptions: App Service Authentication signs callers in; holders of the Monitor.Operator app role are operators.
    Web__Authentication: 'AppService'
    Web__RequireSignIn: string(requireSignIn)
    Web__OperatorRoles__0: 'Monitor.Operator'
    Web__PageSize: '25'
    // Abuse limits on the subscriber pages and API: requests per client address per window, and one e-mail per
    // address per window whatever is posted (kept in the subscriptions table, so it holds across instances).
    Web__SubscriberRequestsPerClient: '30'
    Web__SubscriberRequestWindowSeconds: '600'
    Web__SubscriberMailWindowHours: '6'
    // The Functions host forwards each HTTP request to the worker over loopback; the front end's X-Forwarded-For is
    // believed from there only (its last entry, the client the front end saw). Not yet checked on a deployment.
    Web__KnownProxies__0: '127.0.0.1'
    Web__KnownProxies__1: '::1'
    // App Service Authentication gets its client assertion from the app's identity (a federated credential on the
    // app registration) instead of a client secret.
    OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId

    // UnsubscribeOptions: signs the unsubscribe, manage and confirm links in subscribers' e-mails.
    Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${unsubscribeSigningKeySecretName})'
  }
}

// App Service Authentication (Easy Auth) with Microsoft Entra ID. Anonymous callers still reach the app: the reader
// is public, and the app itself requires a signed-in operator for /sources, /log and the operator API (it reads the
// X-MS-CLIENT-PRINCIPAL header, which the platform strips from what clients send while this is enabled).
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: empty(authClientId) ? {} : {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName

@description('Name of the plan.')
output planName string = plan.name
