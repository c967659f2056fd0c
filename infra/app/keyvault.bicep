// Key Vault in RBAC mode for the two secrets the app reads through Key Vault references:
// the SMTP password and the key that signs unsubscribe links.

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object = {}

@description('Name of the secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('Name of the secret holding the unsubscribe signing key.')
param unsubscribeSigningKeySecretName string

@secure()
@description('SMTP password. Empty leaves the secret as it is (set it with az keyvault secret set instead of keeping it in the azd environment).')
param smtpPassword string = ''

@secure()
@description('Key that signs unsubscribe links. Empty leaves the secret as it is. Changing it invalidates links already sent.')
param unsubscribeSigningKey string = ''

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource unsubscribeSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(unsubscribeSigningKey)) {
  parent: vault
  name: unsubscribeSigningKeySecretName
  properties: {
    value: unsubscribeSigningKey
    contentType: 'text/plain'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI, e.g. https://<name>.vault.azure.net/ (ends with a slash).')
output uri string = vault.properties.vaultUri
