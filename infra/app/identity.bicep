// The user-assigned managed identity the function app runs as. Its roles are granted in rbac.bicep.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for the function app\'s identity block and Key Vault reference identity.')
output resourceId string = identity.id

@description('Client id, for AzureWebJobsStorage__clientId, Storage__ManagedIdentityClientId and AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Object (principal) id, for role assignments.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name
