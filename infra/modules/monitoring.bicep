// Application Insights on a Log Analytics workspace. Local (instrumentation-key) authentication is disabled, so only an
// Entra identity with Monitoring Metrics Publisher on the component can send telemetry.

param workspaceName string
param componentName string
param location string
param tags object

@minValue(30)
@maxValue(730)
param retentionDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource component 'Microsoft.Insights/components@2020-02-02' = {
  name: componentName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

output componentId string = component.id
output componentName string = component.name
// The connection string names the component and its ingestion endpoint (which already follows the cloud). With local
// authentication disabled it grants nothing by itself: it is an address, not a credential.
output connectionString string = component.properties.ConnectionString
