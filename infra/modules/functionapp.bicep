// The Functions app (isolated worker, .NET 10, Linux) and its plan, in one of two kinds:
// - FlexConsumption (FC1): the default. Code is deployed into a blob container and read with the app's identity.
// - ElasticPremium (EP1): for clouds without Flex Consumption, such as Azure China. Premium normally keeps the code on
//   an Azure Files share reached with an account key (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING); the account allows no
//   keys, so this template sets no content share and runs from a package blob read with the app's identity
//   (WEBSITE_RUN_FROM_PACKAGE + WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID). The trade-offs of that choice, which
//   docs/deploying.md repeats: no shared /home across instances, no portal editing or Kudu/zip deployment (a new
//   version is a new blob and a restart), and the platform cannot fall back to Azure Files. Nothing key-based is left.

@allowed(['FlexConsumption', 'ElasticPremium'])
param planKind string

param name string
param planName string
param location string
param tags object

@description('The resource id of the app\'s user-assigned managed identity.')
param identityId string

@description('The client id of the same identity.')
param identityClientId string

param blobEndpoint string
param queueEndpoint string
param tableEndpoint string

@description('The container that holds the deployment package.')
param deploymentContainerName string

@description('The package blob in that container that an ElasticPremium app runs from.')
param packageBlobName string

param appInsightsConnectionString string

@description('The app\'s own settings (the configuration sections the code binds), merged with the platform settings.')
param appSettings object

@description('FlexConsumption: the memory of one instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('FlexConsumption: the most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('The azd service name that `azd deploy` looks for in the app\'s tags.')
param azdServiceName string = 'functions'

@description('The client id of the Entra ID app registration officials sign in to the dashboard with; empty keeps the dashboard closed.')
param dashboardClientId string = ''

@description('The object id of the Entra ID group whose members may open the dashboard; empty keeps the dashboard closed.')
param dashboardGroupObjectId string = ''

var isFlex = planKind == 'FlexConsumption'

// Identity-based host storage: no connection string, no key. The names are those Azure Functions reads, and the same
// the code reads (StorageConnection).
var hostStorageSettings = {
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
}

// Telemetry authenticated with the identity (the component has local authentication disabled).
var telemetrySettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Flex Consumption takes the runtime from functionAppConfig and refuses these settings; Elastic Premium needs them.
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: '${blobEndpoint}${deploymentContainerName}/${packageBlobName}'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
}

var settings = union(appSettings, hostStorageSettings, telemetrySettings, isFlex ? {} : premiumSettings)

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex ? { name: 'FC1', tier: 'FlexConsumption' } : { name: 'EP1', tier: 'ElasticPremium' }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : 20
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
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
    // Key Vault references resolve with the user-assigned identity, not a system identity the app does not have.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(settings), setting => { name: setting.key, value: setting.value })
    }
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${blobEndpoint}${deploymentContainerName}'
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
      : null
  }
}

// Deployments authenticate with Entra ID; the basic-auth publishing credentials (FTP and SCM passwords) are off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// App Service authentication in front of every HTTP function (the Dashboard, whose own level is Anonymous): officials
// sign in with Entra ID and only the group's members get through (the app registration must emit the groups claim).
// Without a client id and a group nobody does (401), so the dashboard is never open to the internet.
var dashboardAuth = !empty(dashboardClientId) && !empty(dashboardGroupObjectId)

resource auth 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: dashboardAuth ? 'RedirectToLoginPage' : 'Return401'
      redirectToProvider: dashboardAuth ? 'azureactivedirectory' : null
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: dashboardAuth
        registration: {
          clientId: dashboardClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: dashboardAuth ? [dashboardClientId, 'api://${dashboardClientId}'] : []
          defaultAuthorizationPolicy: {
            allowedPrincipals: {
              groups: dashboardAuth ? [dashboardGroupObjectId] : []
            }
          }
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

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
