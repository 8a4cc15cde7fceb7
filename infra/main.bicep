// IntakePipeline's infrastructure, for one resource group: storage (submissions, reports, tables, the events queue),
// the Event Grid subscription that feeds the queue, the Functions app with its user-assigned identity, Key Vault for
// the SMTP password, Application Insights, and the role assignments that tie them together at least privilege.
// Every host name comes from the resources or from environment(), so the same template deploys to AzureCloud and
// AzureChinaCloud. docs/deploying.md says how to deploy it; docs/security.md says why each role is what it is.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(32)
@description('A name for this deployment (azd\'s environment name); it seeds the resource names.')
param environmentName string

@description('The region of every resource.')
param location string = resourceGroup().location

@allowed(['FlexConsumption', 'ElasticPremium'])
@description('FlexConsumption (FC1) where the region has it; ElasticPremium (EP1) elsewhere, such as Azure China.')
param planKind string = 'FlexConsumption'

@description('The queue the Event Grid subscription fills and ProcessSubmission drains (Queues__Events).')
param eventsQueueName string = 'intake-events'

@description('When CheckDeadlines runs: six-field NCRONTAB, UTC (Schedules__CheckDeadlines).')
param checkDeadlinesSchedule string = '0 5 16 * * *'

@description('When SendAlerts runs: six-field NCRONTAB, UTC (Schedules__SendAlerts).')
param sendAlertsSchedule string = '0 */1 * * * *'

@minLength(1)
@description('The SMTP server\'s host name (Smtp__Host).')
param smtpHost string

@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Whether to upgrade the SMTP connection with STARTTLS (Smtp__StartTls).')
param smtpStartTls bool = true

@description('The SMTP user name, or empty to send without authentication. With a user name, Smtp__Password is a Key Vault reference.')
param smtpUserName string = ''

@secure()
@description('The SMTP password, stored as a Key Vault secret. Leave empty to set the secret yourself (docs/deploying.md).')
param smtpPassword string = ''

@minLength(3)
@description('The sender address (Smtp__From).')
param smtpFrom string

@description('Who receives mail: an object whose keys are submitter codes or "Province", each an array of addresses (Recipients__{key}__{i}).')
param recipients object = {}

@description('The operations contacts, told of poisoned submissions (Recipients__Operations__{i}).')
param operationsRecipients array = []

@minValue(1)
@maxValue(28)
@description('The day of the following month a period\'s file is due (Deadlines__DayOfMonth).')
param deadlineDayOfMonth int = 10

@description('The time zone the deadline is judged in (Deadlines__TimeZone).')
param deadlineTimeZone string = 'Asia/Shanghai'

@description('The first period the missing-submission check looks at, yyyy-MM, or empty for the month of the first run (Deadlines__FirstPeriod).')
param deadlineFirstPeriod string = ''

@description('Per submitter, the object id of its Entra ID group: {"520300": "<object id>", …}. A submitter left out gets no group access.')
param submitterGroups object = {}

@description('The client id of the Entra ID app registration the provincial staff sign in to the dashboard with; empty keeps the dashboard closed (401).')
param dashboardClientId string = ''

@description('The object id of the Entra ID group whose members may open the dashboard; empty keeps the dashboard closed (401).')
param dashboardGroupObjectId string = ''

@description('The object id of whoever runs the deployment, allowed to write the deployment package; empty for none.')
param deployerPrincipalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param deployerPrincipalType string = 'User'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS'])
param storageSku string = 'Standard_LRS'

@minValue(1)
@maxValue(365)
@description('How many days deleted or overwritten blobs, and deleted containers, can be restored.')
param softDeleteDays int = 30

@description('The package blob an ElasticPremium app runs from, in the deployment container.')
param packageBlobName string = 'intake-functions.zip'

// The one list of submitters (seeds/submitters.json), which the C# code embeds too.
var submitters = loadJsonContent('../seeds/submitters.json').submitters
var submitterCodes = map(submitters, submitter => submitter.code)
var intakeContainerPrefix = 'intake-'
var reportsContainerPrefix = 'reports-'
var deploymentContainerName = 'deployments'
var deadLetterContainerName = 'events-deadletter'
// The lock blobs that serialize the processing of one submitter's period (StorageSetup.LocksContainer).
var locksContainerName = 'pipeline-locks'

// Every blob container the template creates, listed here and nowhere else: an intake and a reports container per
// submitter, the pipeline's lock container, the deployment package container and Event Grid's dead-letter container.
// A new one (a dashboard's, say) is added to this list.
var containerNames = concat(
  map(submitterCodes, code => '${intakeContainerPrefix}${code}'),
  map(submitterCodes, code => '${reportsContainerPrefix}${code}'),
  [
    locksContainerName
    deploymentContainerName
    deadLetterContainerName
  ]
)

// The pipeline's tables, with the names the code uses by default (TableNames).
var tableNames = [
  'PlanIndicators'
  'PlanTargets'
  'Submissions'
  'Observations'
  'ValidationIssues'
  'Scorecard'
  'ScorecardLatest'
  'Alerts'
  'Outbox'
  'BlobReceipts'
  'Poison'
  'Installation'
]

// The events queue and the poison queue the Functions queue trigger moves failing messages to.
var queueNames = [
  eventsQueueName
  '${eventsQueueName}-poison'
]

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'intake-pipeline'
}
var smtpPasswordSecretName = 'smtp-password'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: containerNames
    tableNames: tableNames
    queueNames: queueNames
    softDeleteDays: softDeleteDays
    skuName: storageSku
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${resourceToken}'
    componentName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    smtpPasswordSecretName: smtpPasswordSecretName
    smtpPassword: smtpPassword
  }
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-func-${resourceToken}'
  location: location
  tags: tags
}

module appRoles 'modules/app-roles.bicep' = {
  name: 'appRoles'
  params: {
    storageAccountName: storage.outputs.name
    queueNames: queueNames
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.componentName
    principalId: appIdentity.properties.principalId
  }
}

module events 'modules/eventgrid.bicep' = {
  name: 'events'
  params: {
    storageAccountName: storage.outputs.name
    location: location
    tags: tags
    topicName: 'evgt-${resourceToken}'
    eventsQueueName: eventsQueueName
    deadLetterContainerName: deadLetterContainerName
    intakeContainerPrefix: intakeContainerPrefix
  }
}

module submitterAccess 'modules/submitter-access.bicep' = [
  for code in submitterCodes: if (contains(submitterGroups, code)) {
    name: 'submitterAccess-${code}'
    params: {
      storageAccountName: storage.outputs.name
      intakeContainerName: '${intakeContainerPrefix}${code}'
      reportsContainerName: '${reportsContainerPrefix}${code}'
      // contains() rather than the safe-access operator, whose tryGet() the ARM runtime of every cloud may not have yet.
      #disable-next-line use-safe-access
      groupObjectId: contains(submitterGroups, code) ? submitterGroups[code] : ''
    }
  }
]

module deployerAccess 'modules/deployer-access.bicep' = if (!empty(deployerPrincipalId)) {
  name: 'deployerAccess'
  params: {
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

// The settings the code binds (Queues, Schedules, Smtp, Recipients, Deadlines), by the names of its options classes.
var pipelineSettings = {
  Queues__Events: eventsQueueName
  Schedules__CheckDeadlines: checkDeadlinesSchedule
  Schedules__SendAlerts: sendAlertsSchedule
  Smtp__Host: smtpHost
  Smtp__Port: string(smtpPort)
  Smtp__StartTls: string(smtpStartTls)
  Smtp__UserName: smtpUserName
  Smtp__From: smtpFrom
  Deadlines__DayOfMonth: string(deadlineDayOfMonth)
  Deadlines__TimeZone: deadlineTimeZone
  Deadlines__FirstPeriod: deadlineFirstPeriod
}

// The password never sits in an app setting: the setting is a Key Vault reference, resolved by the platform with the
// app's identity (keyVaultReferenceIdentity).
var smtpPasswordSettings = empty(smtpUserName)
  ? {}
  : {
      Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.smtpPasswordSecretUri})'
    }

// Recipients__{key}__{i}: one setting per address, as .NET binds a list from environment variables.
var recipientLists = concat(
  map(items(recipients), entry => { key: entry.key, addresses: entry.value }),
  [
    { key: 'Operations', addresses: operationsRecipients }
  ]
)
var recipientSettings = toObject(
  flatten(map(
    recipientLists,
    list => map(range(0, length(list.addresses)), i => { name: 'Recipients__${list.key}__${i}', value: list.addresses[i] })
  )),
  setting => setting.name,
  setting => setting.value
)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  // The identity must hold its storage, vault and telemetry roles before the host starts with it.
  dependsOn: [
    appRoles
  ]
  params: {
    planKind: planKind
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: appIdentity.id
    identityClientId: appIdentity.properties.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    packageBlobName: packageBlobName
    appInsightsConnectionString: monitoring.outputs.connectionString
    appSettings: union(pipelineSettings, smtpPasswordSettings, recipientSettings)
    dashboardClientId: dashboardClientId
    dashboardGroupObjectId: dashboardGroupObjectId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
output DASHBOARD_URL string = 'https://${functionApp.outputs.defaultHostName}/api/dashboard/'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
// The secret's name, for `az keyvault secret set`; not its value.
#disable-next-line outputs-should-not-contain-secrets
output SMTP_PASSWORD_SECRET_NAME string = smtpPasswordSecretName
output DEPLOYMENT_CONTAINER string = deploymentContainerName
output PACKAGE_BLOB_NAME string = packageBlobName
output PLAN_KIND string = planKind
