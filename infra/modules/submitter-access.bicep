// One submitter's Entra ID group: it may upload into its own intake container and read its own reports, and nothing
// else. Revoking an officer is removing them from the group.

param storageAccountName string

@description('The submitter\'s intake container, intake-{code}.')
param intakeContainerName string

@description('The submitter\'s reports container, reports-{code}.')
param reportsContainerName string

@description('The object id of the submitter\'s Entra ID security group.')
param groupObjectId string

var roles = loadJsonContent('roles.json')

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource intake 'containers' existing = {
      name: intakeContainerName
    }

    resource reports 'containers' existing = {
      name: reportsContainerName
    }
  }
}

// Blob Data Contributor, the narrowest built-in role that can create and overwrite blobs (Storage Explorer and
// `azcopy copy` both need to list, read and write). It also allows deleting, but versioning and soft delete keep
// every deleted or overwritten upload, and the pipeline never acts on a deletion.
resource uploads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobService::intake.id, groupObjectId, roles.storageBlobDataContributor)
  scope: account::blobService::intake
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: groupObjectId
    principalType: 'Group'
  }
}

// Reports are written by the pipeline only: the group reads them.
resource readsReports 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobService::reports.id, groupObjectId, roles.storageBlobDataReader)
  scope: account::blobService::reports
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: groupObjectId
    principalType: 'Group'
  }
}
