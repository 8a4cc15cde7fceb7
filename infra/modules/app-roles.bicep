// What the Functions app's user-assigned identity may do, each role at the narrowest scope that works.

param storageAccountName string
param queueNames array
param keyVaultName string
param appInsightsName string

@description('The principal (object) id of the app\'s user-assigned identity.')
param principalId string

var roles = loadJsonContent('roles.json')

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'
  }
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' existing = [
  for queue in queueNames: {
    parent: account::queueService
    name: queue
  }
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource component 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Storage Blob Data Owner on the account, not Contributor: the account is also the Functions host's own storage
// (identity-based AzureWebJobsStorage), and the Functions documentation names Blob Data Owner as the role that host
// storage needs (it creates and leases its azure-webjobs-* containers). The same role reads the Flex Consumption
// package or the Elastic Premium run-from-package blob, writes reports, reads submissions and gets the user
// delegation key that signs report links.
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, roles.storageBlobDataOwner)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor on the events queue and its poison queue only: the queue trigger reads and deletes
// messages and moves a failing one to the poison queue. No other queue is the app's business.
resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queue, i) in queueNames: {
    name: guid(queues[i].id, principalId, roles.storageQueueDataContributor)
    scope: queues[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Storage Table Data Contributor on the account: the pipeline creates its tables on start (StorageSetup), and creating
// a table is authorised at the account's table service, not at a table.
resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, roles.storageTableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User on the vault: read secret values (the SMTP password through its Key Vault reference), never
// write, list keys or manage the vault. The vault holds this app's secrets only.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher on the Application Insights component: with local authentication disabled, this is what
// lets the app send telemetry, and it allows nothing else (not reading it back).
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(component.id, principalId, roles.monitoringMetricsPublisher)
  scope: component
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
