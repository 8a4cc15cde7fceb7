// Whoever deploys may write the deployment package, and only that: on ElasticPremium, infra/deploy.sh uploads the
// package blob itself (with `az storage blob upload --auth-mode login`, as the account takes no keys).

param storageAccountName string
param deploymentContainerName string
param principalId string

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string

var roles = loadJsonContent('roles.json')

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deployments 'containers' existing = {
      name: deploymentContainerName
    }
  }
}

resource writesPackages 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobService::deployments.id, principalId, roles.storageBlobDataContributor)
  scope: account::blobService::deployments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: principalId
    principalType: principalType
  }
}
