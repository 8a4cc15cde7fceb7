#!/usr/bin/env bash
# Deploys IntakePipeline with the az CLI: creates the resource group, deploys infra/main.bicep, publishes the Functions
# app and prints the next steps. Works for AzureCloud and AzureChinaCloud (docs/deploying.md).
#
#   infra/deploy.sh --cloud AzureChinaCloud --location chinanorth3 --resource-group rg-intake --env gz-prod \
#     --smtp-host smtp.example.cn --smtp-from intake@example.cn [--plan ElasticPremium] [--smtp-user intake] \
#     [--parameters extra.parameters.json] [--skip-publish]
#
# AzureChinaCloud has no Flex Consumption, so --plan defaults to ElasticPremium there and FlexConsumption elsewhere.
# The SMTP password is never a command-line argument: set INTAKE_SMTP_PASSWORD in the environment to store it in Key
# Vault during the deployment, or set the secret afterwards (the script prints how).
set -euo pipefail

readonly project="src/IntakePipeline.Functions/IntakePipeline.Functions.csproj"
cloud=""
location=""
resource_group=""
env_name=""
plan=""
smtp_host=""
smtp_from=""
smtp_user=""
extra_parameters=""
skip_publish=false

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

fail() {
  echo "deploy.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --cloud) cloud="${2:?}"; shift 2 ;;
    --location) location="${2:?}"; shift 2 ;;
    --resource-group) resource_group="${2:?}"; shift 2 ;;
    --env) env_name="${2:?}"; shift 2 ;;
    --plan) plan="${2:?}"; shift 2 ;;
    --smtp-host) smtp_host="${2:?}"; shift 2 ;;
    --smtp-from) smtp_from="${2:?}"; shift 2 ;;
    --smtp-user) smtp_user="${2:?}"; shift 2 ;;
    --parameters) extra_parameters="${2:?}"; shift 2 ;;
    --skip-publish) skip_publish=true; shift ;;
    -h|--help) usage 0 ;;
    *) echo "deploy.sh: unknown argument '$1'" >&2; usage 2 ;;
  esac
done

case "$cloud" in
  AzureCloud) plan="${plan:-FlexConsumption}" ;;
  AzureChinaCloud) plan="${plan:-ElasticPremium}" ;;
  *) fail "--cloud must be AzureCloud or AzureChinaCloud" ;;
esac
case "$plan" in
  FlexConsumption|ElasticPremium) ;;
  *) fail "--plan must be FlexConsumption or ElasticPremium" ;;
esac
[ -n "$location" ] || fail "--location is required (for example chinanorth3 or eastasia)"
[ -n "$resource_group" ] || fail "--resource-group is required"
[ -n "$env_name" ] || fail "--env is required (a short name for this deployment, such as gz-prod)"
[ -n "$smtp_host" ] || fail "--smtp-host is required"
[ -n "$smtp_from" ] || fail "--smtp-from is required"
if [ "$plan" = FlexConsumption ] && [ "$cloud" = AzureChinaCloud ]; then
  fail "Azure China has no Flex Consumption plan: use --plan ElasticPremium"
fi
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is not installed"
command -v dotnet >/dev/null 2>&1 || [ "$skip_publish" = true ] || fail "the .NET SDK (dotnet) is needed to publish; or pass --skip-publish"

cd "$(dirname "$0")/.."

echo "--- cloud $cloud"
az cloud set --name "$cloud"
az account show --query '{subscription:name, id:id, user:user.name}' --output table \
  || fail "not signed in: run az login first"
deployer_id="$(az ad signed-in-user show --query id --output tsv 2>/dev/null || true)"
deployer_type=User
if [ -z "$deployer_id" ]; then
  # Signed in as a service principal (CI): its object id, through its app id.
  deployer_id="$(az ad sp show --id "$(az account show --query user.name --output tsv)" --query id --output tsv)"
  deployer_type=ServicePrincipal
fi

echo "--- resource group $resource_group in $location"
az group create --name "$resource_group" --location "$location" --output none

parameters=(
  "environmentName=$env_name"
  "location=$location"
  "planKind=$plan"
  "smtpHost=$smtp_host"
  "smtpFrom=$smtp_from"
  "smtpUserName=$smtp_user"
  "deployerPrincipalId=$deployer_id"
  "deployerPrincipalType=$deployer_type"
)
if [ -n "${INTAKE_SMTP_PASSWORD:-}" ]; then
  parameters+=("smtpPassword=$INTAKE_SMTP_PASSWORD")
fi
parameter_args=(--parameters "${parameters[@]}")
if [ -n "$extra_parameters" ]; then
  parameter_args+=(--parameters "@$extra_parameters")
fi

echo "--- deploying infra/main.bicep ($plan)"
outputs="$(az deployment group create \
  --resource-group "$resource_group" \
  --name "intake-$(date -u +%Y%m%d%H%M%S)" \
  --template-file infra/main.bicep \
  "${parameter_args[@]}" \
  --query properties.outputs --output json)"

output() {
  printf '%s' "$outputs" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1']['value'])"
}
app="$(output AZURE_FUNCTION_APP_NAME)"
account="$(output AZURE_STORAGE_ACCOUNT_NAME)"
vault="$(output AZURE_KEY_VAULT_NAME)"
secret="$(output SMTP_PASSWORD_SECRET_NAME)"
container="$(output DEPLOYMENT_CONTAINER)"
package_blob="$(output PACKAGE_BLOB_NAME)"

if [ "$skip_publish" = false ]; then
  if [ ! -f "$project" ]; then
    fail "$project does not exist yet; deploy again with --skip-publish, or once the Functions app is in the repository"
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  echo "--- publishing $project"
  dotnet publish "$project" --configuration Release --runtime linux-x64 --self-contained false --output "$work/publish"
  (cd "$work/publish" && zip -q -r "$work/package.zip" .)
  if [ "$plan" = FlexConsumption ]; then
    # Flex Consumption reads the package from its deployment container; the platform writes it there.
    az functionapp deployment source config-zip --resource-group "$resource_group" --name "$app" --src "$work/package.zip"
  else
    # Elastic Premium runs from the package blob (WEBSITE_RUN_FROM_PACKAGE), read with the app's identity. The account
    # takes no keys, so the upload signs in as you: the template gave you write access to that container only. A new
    # role assignment can take a minute or two to apply; the upload retries meanwhile.
    for attempt in 1 2 3 4 5 6; do
      if az storage blob upload --auth-mode login --account-name "$account" --container-name "$container" \
        --name "$package_blob" --file "$work/package.zip" --overwrite --output none; then
        break
      fi
      [ "$attempt" -lt 6 ] || fail "could not upload the package to $container/$package_blob"
      echo "    upload refused (role assignment not applied yet?); retrying in 30 s"
      sleep 30
    done
    az functionapp restart --resource-group "$resource_group" --name "$app"
  fi
fi

cat <<NEXT

Deployed: function app $app, storage account $account, Key Vault $vault ($cloud, $plan).

Next steps (docs/deploying.md):
  1. SMTP password, unless INTAKE_SMTP_PASSWORD was set:
       az keyvault secret set --vault-name $vault --name $secret --file <file holding the password>
     (you need Key Vault Secrets Officer on the vault to write it; the app only reads it).
  2. Mail recipients and deadlines: a parameters file passed with --parameters (see infra/main.parameters.json).
  3. Each prefecture's Entra ID group: put its object id into submitterGroups and deploy again; the group may then
     upload to intake-{code} and read reports-{code} with Storage Explorer or 'azcopy login'. For a quick start
     without groups, 'intake sas --prefecture <code>' issues a 7-day link.
NEXT
