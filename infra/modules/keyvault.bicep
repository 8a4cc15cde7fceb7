// The Key Vault that holds the SMTP password, in RBAC mode: no access policies, so who may read a secret is an Azure
// role assignment like every other permission in this template.

param name string
param location string
param tags object

@description('The name of the SMTP password secret.')
param smtpPasswordSecretName string

@secure()
@description('The SMTP password to store, or empty to leave the secret to an operator (az keyvault secret set).')
param smtpPassword string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource smtpSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
// A versionless secret URI, so a rotated password is picked up without a redeployment. It names the secret; it is not
// its value. The host suffix is the cloud's (.vault.azure.net, .vault.azure.cn, …).
#disable-next-line outputs-should-not-contain-secrets
output smtpPasswordSecretUri string = 'https://${vault.name}${environment().suffixes.keyvaultDns}/secrets/${smtpPasswordSecretName}'
