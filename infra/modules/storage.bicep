// The one storage account: submissions and reports (blobs), the pipeline's tables, the events queue and its poison
// queue, and the Functions host's own storage (identity-based AzureWebJobsStorage).

@description('The storage account name: 3–24 lowercase letters and digits, globally unique.')
param name string

param location string
param tags object

@description('Every container the template creates; main.bicep lists them in one place.')
param containerNames array

@description('Every table the pipeline uses.')
param tableNames array

@description('Every queue: the events queue and its poison queue.')
param queueNames array

@description('How many days a deleted or overwritten blob (and a deleted container) can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS'])
param skuName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Nothing in any container is anonymous: every reader is an Entra identity or holds a SAS.
    allowBlobPublicAccess: false
    // No account keys: every caller (the app, Event Grid, officers, operators) authenticates with Entra ID, and a SAS
    // can only be a user delegation SAS, which Entra can revoke and which lives at most 7 days.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // Prefectures upload over the internet; access is decided by identity, not by network (docs/security.md).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: false
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // An overwritten upload stays as a previous version, and a deleted one can be undeleted: a submission is never lost.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in containerNames: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
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

output id string = account.id
output name string = account.name
// The service endpoints, built from the cloud's storage suffix (core.windows.net, core.chinacloudapi.cn, …), so that
// the same template deploys to every cloud and its tests can evaluate each one.
output blobEndpoint string = 'https://${account.name}.blob.${environment().suffixes.storage}/'
output queueEndpoint string = 'https://${account.name}.queue.${environment().suffixes.storage}/'
output tableEndpoint string = 'https://${account.name}.table.${environment().suffixes.storage}/'
