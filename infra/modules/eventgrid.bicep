// The storage account's BlobCreated events, delivered into the events queue by the system topic's own identity.

param storageAccountName string
param location string
param tags object
param topicName string

@description('The queue ProcessSubmission listens on.')
param eventsQueueName string

@description('The container that keeps the events Event Grid could not deliver.')
param deadLetterContainerName string

@description('The prefix of the containers whose uploads are submissions.')
param intakeContainerPrefix string

var roles = loadJsonContent('roles.json')

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource eventsQueue 'queues' existing = {
      name: eventsQueueName
    }
  }

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: topicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The topic may add messages to the events queue, and nothing else: not read them, not touch another queue.
resource topicSendsToQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::queueService::eventsQueue.id, topic.id, roles.storageQueueDataMessageSender)
  scope: account::queueService::eventsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Dead-lettering writes a blob per undeliverable event. Storage Blob Data Contributor is the narrowest built-in role that
// can write a blob; it is scoped to the dead-letter container, so the topic cannot read or write any submission.
resource topicWritesDeadLetters 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobService::deadLetterContainer.id, topic.id, roles.storageBlobDataContributor)
  scope: account::blobService::deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'intake-blob-created'
  // Event Grid checks the destination when the subscription is created: the roles must exist first.
  dependsOn: [
    topicSendsToQueue
    topicWritesDeadLetters
  ]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${intakeContainerPrefix}'
      enableAdvancedFilteringOnArrays: true
      // The operations that complete a blob; other BlobCreated events (such as a Data Lake CreateFile before its
      // FlushWithClose) describe a blob that is not finished yet.
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: [
            'PutBlob'
            'PutBlockList'
            'CopyBlob'
            'FlushWithClose'
          ]
        }
      ]
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: account.id
          queueName: eventsQueueName
          // -1: a message waits in the queue until it is processed, however long the app is stopped.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: account.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output topicName string = topic.name
output subscriptionName string = blobCreated.name
