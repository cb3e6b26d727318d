#!/usr/bin/env python3
"""Generates an IaC module library shaped like the public Bicep/ARM module libraries: one folder per module
(avm/res/<provider>/<resource>/): half of them with main.bicep and its compiled main.json (ARM, with the Bicep generator's metadata,
parameters with defaults and allowed values, variables built with union()/shallowMerge() spreads, copy loops,
nested Microsoft.Resources/deployments with inline templates for child modules, outputs), the other half ARM only
(azuredeploy.json and azuredeploy.parameters.json, as in quick-start template libraries); each with a README.md, a
version.json and tests/e2e/*/main.test.bicep. Most of the text is clean (managed identities, Key Vault references,
secure parameters; listKeys() in secure outputs, which mi-scan reports as key-based access); one ARM-only module in K carries a planted credential, with
keys made here from a seeded random source.

    python3 bench/gen_iac_library.py OUT_DIR [--size small|large] [--modules N] [--seed S] [--planted-every K]

--size small is about 5 MB (40 modules), large about 60 MB (the public library's 69 MB). The same seed gives the
same tree, byte for byte. Writes OUT_DIR.manifest.json: the planted credentials (path, kind), never the secret.
"""
import argparse
import base64
import json
import os
import random
import shutil
import string
import sys

ALNUM = string.ascii_lowercase + string.digits
PROVIDERS = {
    "storage": ["storage-account", "blob-container", "file-share", "queue"],
    "web": ["site", "serverfarm", "static-site", "connection"],
    "key-vault": ["vault", "managed-hsm"],
    "service-bus": ["namespace", "queue", "topic"],
    "event-hub": ["namespace", "eventhub"],
    "sql": ["server", "managed-instance", "database"],
    "db-for-postgre-sql": ["flexible-server"],
    "document-db": ["database-account", "mongo-cluster"],
    "cache": ["redis", "redis-enterprise"],
    "app": ["container-app", "managed-environment", "job"],
    "container-registry": ["registry"],
    "cognitive-services": ["account"],
    "insights": ["component", "diagnostic-setting", "action-group", "metric-alert"],
    "network": ["virtual-network", "private-endpoint", "network-security-group", "application-gateway",
                "load-balancer", "public-ip-address", "private-dns-zone", "firewall-policy"],
    "compute": ["virtual-machine", "disk", "gallery", "virtual-machine-scale-set"],
    "operational-insights": ["workspace"],
    "signal-r-service": ["signal-r", "web-pub-sub"],
    "machine-learning-services": ["workspace"],
    "data-factory": ["factory"],
    "automation": ["automation-account"],
}
ARM_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def b64(rng, n):
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(n))).decode()


def guid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "-".join((h[:8], h[8:12], h[12:16], h[16:20], h[20:]))


def camel(words):
    parts = words.replace("/", "-").split("-")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def pascal(words):
    return "".join(p.capitalize() for p in words.replace("/", "-").split("-"))


def metadata(rng, name):
    return {"_generator": {"name": "bicep", "version": "0.%d.%d.%d" % (rng.randint(20, 36), rng.randint(1, 60),
                                                                         rng.randint(1000, 60000)),
                           "templateHash": str(rng.getrandbits(63))},
            "name": name, "description": "This module deploys a %s." % name}


def param_defs(rng, resource, n):
    params = {
        "name": {"type": "string", "metadata": {"description": "Required. Name of the %s." % resource}},
        "location": {"type": "string", "defaultValue": "[resourceGroup().location]",
                     "metadata": {"description": "Optional. Location for all resources."}},
        "tags": {"type": "object", "nullable": True, "metadata": {"description": "Optional. Tags of the resource."}},
        "enableTelemetry": {"type": "bool", "defaultValue": True,
                            "metadata": {"description": "Optional. Enable/Disable usage telemetry for module."}},
        "managedIdentities": {"$ref": "#/definitions/managedIdentitiesType", "nullable": True,
                              "metadata": {"description": "Optional. The managed identity definition."}},
        "roleAssignments": {"type": "array", "items": {"$ref": "#/definitions/roleAssignmentType"}, "nullable": True,
                            "metadata": {"description": "Optional. Array of role assignments to create."}},
        "diagnosticSettings": {"type": "array", "items": {"$ref": "#/definitions/diagnosticSettingType"},
                               "nullable": True, "metadata": {"description": "Optional. The diagnostic settings."}},
        "privateEndpoints": {"type": "array", "items": {"$ref": "#/definitions/privateEndpointType"},
                             "nullable": True, "metadata": {"description": "Optional. Private endpoint configuration."}},
        "lock": {"$ref": "#/definitions/lockType", "nullable": True,
                 "metadata": {"description": "Optional. The lock settings of the service."}},
        "disableLocalAuth": {"type": "bool", "defaultValue": True,
                             "metadata": {"description": "Optional. Disable local (key-based) authentication."}},
        "publicNetworkAccess": {"type": "string", "defaultValue": "Disabled", "allowedValues": ["Enabled", "Disabled"],
                                "metadata": {"description": "Optional. Whether public network access is allowed."}},
        "customerManagedKey": {"$ref": "#/definitions/customerManagedKeyType", "nullable": True,
                               "metadata": {"description": "Optional. The customer managed key definition."}},
    }
    for i in range(n):
        kind = rng.choice(["string", "int", "bool", "array", "object"])
        d = {"type": kind, "metadata": {"description": "Optional. Setting %d of the %s." % (i, resource)}}
        if kind == "string":
            d["defaultValue"] = rng.choice(["Standard", "Premium", "Basic", "TLS1_2", "None", ""])
            d["allowedValues"] = ["Standard", "Premium", "Basic", "TLS1_2", "None", ""]
        elif kind == "int":
            d["defaultValue"] = rng.randint(0, 4096)
            d["minValue"] = 0
            d["maxValue"] = 4096
        elif kind == "bool":
            d["defaultValue"] = rng.random() < 0.5
        elif kind == "array":
            d["defaultValue"] = []
        else:
            d["defaultValue"] = {}
        params["setting%s%d" % (pascal(resource), i)] = d
    return params


def definitions(rng):
    role = {"type": "object", "properties": {
        "name": {"type": "string", "nullable": True},
        "roleDefinitionIdOrName": {"type": "string"},
        "principalId": {"type": "string"},
        "principalType": {"type": "string", "allowedValues": ["Device", "ForeignGroup", "Group", "ServicePrincipal",
                                                              "User"], "nullable": True},
        "description": {"type": "string", "nullable": True},
        "condition": {"type": "string", "nullable": True},
        "conditionVersion": {"type": "string", "allowedValues": ["2.0"], "nullable": True},
        "delegatedManagedIdentityResourceId": {"type": "string", "nullable": True}},
        "metadata": {"__bicep_imported_from!": {"sourceTemplate": "br:mcr.microsoft.com/bicep/avm/utl/types/"
                                                                  "avm-common-types:0.5.1"}}}
    diag = {"type": "object", "properties": {
        "name": {"type": "string", "nullable": True},
        "logCategoriesAndGroups": {"type": "array", "items": {"type": "object", "properties": {
            "category": {"type": "string", "nullable": True}, "categoryGroup": {"type": "string", "nullable": True},
            "enabled": {"type": "bool", "nullable": True}}}, "nullable": True},
        "metricCategories": {"type": "array", "items": {"type": "object", "properties": {
            "category": {"type": "string"}, "enabled": {"type": "bool", "nullable": True}}}, "nullable": True},
        "logAnalyticsDestinationType": {"type": "string", "allowedValues": ["AzureDiagnostics", "Dedicated"],
                                        "nullable": True},
        "workspaceResourceId": {"type": "string", "nullable": True},
        "storageAccountResourceId": {"type": "string", "nullable": True},
        "eventHubAuthorizationRuleResourceId": {"type": "string", "nullable": True},
        "eventHubName": {"type": "string", "nullable": True},
        "marketplacePartnerResourceId": {"type": "string", "nullable": True}}}
    pe = {"type": "object", "properties": {
        "name": {"type": "string", "nullable": True},
        "subnetResourceId": {"type": "string"},
        "privateDnsZoneGroup": {"type": "object", "properties": {"name": {"type": "string", "nullable": True},
                                "privateDnsZoneGroupConfigs": {"type": "array", "items": {"type": "object"}}},
                                "nullable": True},
        "ipConfigurations": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "properties": {"type": "object", "properties": {
                "groupId": {"type": "string"}, "memberName": {"type": "string"},
                "privateIPAddress": {"type": "string"}}}}}, "nullable": True},
        "customNetworkInterfaceName": {"type": "string", "nullable": True},
        "roleAssignments": {"type": "array", "items": {"$ref": "#/definitions/roleAssignmentType"}, "nullable": True},
        "resourceGroupResourceId": {"type": "string", "nullable": True}}}
    return {
        "managedIdentitiesType": {"type": "object", "properties": {
            "systemAssigned": {"type": "bool", "nullable": True},
            "userAssignedResourceIds": {"type": "array", "items": {"type": "string"}, "nullable": True}}},
        "roleAssignmentType": role, "diagnosticSettingType": diag, "privateEndpointType": pe,
        "lockType": {"type": "object", "properties": {"name": {"type": "string", "nullable": True},
                                                      "kind": {"type": "string", "allowedValues": [
                                                          "CanNotDelete", "None", "ReadOnly"], "nullable": True}}},
        "customerManagedKeyType": {"type": "object", "properties": {
            "keyVaultResourceId": {"type": "string"}, "keyName": {"type": "string"},
            "keyVersion": {"type": "string", "nullable": True},
            "userAssignedIdentityResourceId": {"type": "string", "nullable": True}}},
    }


def variables(rng, resource):
    roles = {"Contributor": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
                            "'b24988ac-6180-42a0-ab88-20f7382dd24c')]",
             "Owner": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
                      "'8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]",
             "Reader": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
                       "'acdd72a7-3385-48ef-bd42-f606fba81ae7')]"}
    for _ in range(rng.randint(4, 12)):
        roles["%s Data %s" % (pascal(resource), rng.choice(["Reader", "Contributor", "Owner", "Sender", "Receiver"]))] = (
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '%s')]" % guid(rng))
    return {
        "copy": [{"name": "formattedRoleAssignments", "count": "[length(coalesce(parameters('roleAssignments'), "
                                                                "createArray()))]",
                  "input": "[union(coalesce(parameters('roleAssignments'), createArray())[copyIndex("
                           "'formattedRoleAssignments')], createObject('roleDefinitionId', coalesce(tryGet("
                           "variables('builtInRoleNames'), coalesce(parameters('roleAssignments'), createArray())"
                           "[copyIndex('formattedRoleAssignments')].roleDefinitionIdOrName), if(contains(coalesce("
                           "parameters('roleAssignments'), createArray())[copyIndex('formattedRoleAssignments')]"
                           ".roleDefinitionIdOrName, '/providers/Microsoft.Authorization/roleDefinitions/'), coalesce("
                           "parameters('roleAssignments'), createArray())[copyIndex('formattedRoleAssignments')]"
                           ".roleDefinitionIdOrName, subscriptionResourceId('Microsoft.Authorization/roleDefinitions',"
                           " coalesce(parameters('roleAssignments'), createArray())[copyIndex("
                           "'formattedRoleAssignments')].roleDefinitionIdOrName)))))]"}],
        "enableReferencedModulesTelemetry": False,
        "formattedUserAssignedIdentities": "[reduce(map(coalesce(tryGet(parameters('managedIdentities'), "
                                           "'userAssignedResourceIds'), createArray()), lambda('id', createObject("
                                           "format('{0}', lambdaVariables('id')), createObject()))), createObject(), "
                                           "lambda('cur', 'next', union(lambdaVariables('cur'), "
                                           "lambdaVariables('next'))))]",
        "identity": "[if(not(empty(parameters('managedIdentities'))), createObject('type', if(coalesce(tryGet("
                    "parameters('managedIdentities'), 'systemAssigned'), false()), if(not(empty(coalesce(tryGet("
                    "parameters('managedIdentities'), 'userAssignedResourceIds'), createObject()))), "
                    "'SystemAssigned,UserAssigned', 'SystemAssigned'), if(not(empty(coalesce(tryGet(parameters("
                    "'managedIdentities'), 'userAssignedResourceIds'), createObject()))), 'UserAssigned', 'None')), "
                    "'userAssignedIdentities', if(not(empty(variables('formattedUserAssignedIdentities'))), "
                    "variables('formattedUserAssignedIdentities'), null())), null())]",
        "builtInRoleNames": roles,
        "networkAcls": "[shallowMerge(createArray(createObject('bypass', 'AzureServices', 'defaultAction', 'Deny'), "
                       "coalesce(parameters('networkAcls'), createObject())))]",
    }


def child_deployment(rng, provider, resource, child, depth):
    """A nested deployment of a child module, with its own inline template (and, one level down, another)."""
    params = {"name": {"type": "string"}, "parentName": {"type": "string"},
              "properties": {"type": "object", "defaultValue": {}}}
    res = {
        "type": "Microsoft.%s/%s/%s" % (pascal(provider), camel(resource) + "s", camel(child) + "s"),
        "apiVersion": "2023-%02d-01" % rng.randint(1, 12),
        "name": "[format('{0}/{1}', parameters('parentName'), parameters('name'))]",
        "properties": "[union(createObject('enabled', true()), parameters('properties'))]",
    }
    resources = {"child": res}
    if depth < 2 and rng.random() < 0.5:
        resources["grandChild"] = child_deployment(rng, provider, resource, child + "-setting", depth + 1)
    template = {"$schema": ARM_SCHEMA, "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                "metadata": metadata(rng, pascal(child)), "parameters": params, "resources": resources,
                "outputs": {"name": {"type": "string", "value": "[parameters('name')]"},
                            "resourceId": {"type": "string", "value": "[resourceId('Microsoft.%s/%s/%s', "
                                           "parameters('parentName'), parameters('name'))]" %
                                           (pascal(provider), camel(resource) + "s", camel(child) + "s")}}}
    return {
        "copy": {"name": "%s_%ss" % (camel(resource), camel(child)), "count": "[length(coalesce(parameters('%ss'), "
                                                                            "createArray()))]" % camel(child)},
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "[format('{0}-%s-%s-{1}', uniqueString(deployment().name, parameters('location')), copyIndex())]"
                % (camel(resource), camel(child)),
        "properties": {
            "expressionEvaluationOptions": {"scope": "inner"},
            "mode": "Incremental",
            "parameters": {
                "name": {"value": "[coalesce(parameters('%ss'), createArray())[copyIndex()].name]" % camel(child)},
                "parentName": {"value": "[parameters('name')]"},
                "properties": {"value": "[tryGet(coalesce(parameters('%ss'), createArray())[copyIndex()], "
                                        "'properties')]" % camel(child)},
            },
            "template": template,
        },
        "dependsOn": [camel(resource)],
    }


def main_json(rng, provider, resource, plant):
    rtype = "Microsoft.%s/%s" % (pascal(provider), camel(resource) + "s")
    params = param_defs(rng, resource, rng.randint(30, 110))
    props = {
        "publicNetworkAccess": "[parameters('publicNetworkAccess')]",
        "disableLocalAuth": "[parameters('disableLocalAuth')]",
        "networkAcls": "[variables('networkAcls')]",
        "encryption": "[if(not(empty(parameters('customerManagedKey'))), createObject('keySource', "
                      "'Microsoft.KeyVault', 'keyVaultProperties', createObject('keyName', parameters("
                      "'customerManagedKey').keyName, 'keyVaultUri', reference('cMKKeyVault').vaultUri)), null())]",
    }
    for p in params:
        if p.startswith("setting"):
            props[p[len("setting"):][0].lower() + p[len("setting") + 1:]] = "[parameters('%s')]" % p
    main = {
        "type": rtype, "apiVersion": "2024-01-01", "name": "[parameters('name')]",
        "location": "[parameters('location')]", "tags": "[parameters('tags')]",
        "identity": "[variables('identity')]", "properties": props,
    }
    outputs = {
        "name": {"type": "string", "value": "[parameters('name')]"},
        "resourceId": {"type": "string", "value": "[resourceId('%s', parameters('name'))]" % rtype},
        "resourceGroupName": {"type": "string", "value": "[resourceGroup().name]"},
        "systemAssignedMIPrincipalId": {"type": "string", "nullable": True,
                                        "value": "[tryGet(tryGet(reference('%s', '2024-01-01', 'full'), 'identity'), "
                                                 "'principalId')]" % camel(resource)},
        "location": {"type": "string", "value": "[reference('%s', '2024-01-01', 'full').location]" % camel(resource)},
    }
    if provider in ("storage", "service-bus", "event-hub", "cache", "document-db", "signal-r-service"):
        outputs["primaryKey"] = {"type": "securestring", "value": "[listKeys('%s', '2024-01-01').keys[0].value]"
                                 % camel(resource)}
    resources = {
        "avmTelemetry": {"condition": "[parameters('enableTelemetry')]", "type": "Microsoft.Resources/deployments",
                         "apiVersion": "2024-03-01", "name": "[format('46d3xbcp.res.%s.{0}.{1}', replace('0.4.0', "
                                                              "'.', '-'), substring(uniqueString(deployment().name, "
                                                              "parameters('location')), 0, 4))]" % camel(resource),
                         "properties": {"mode": "Incremental", "template": {
                             "$schema": ARM_SCHEMA, "contentVersion": "1.0.0.0", "resources": [],
                             "outputs": {"telemetry": {"type": "String", "value": "For more information, see "
                                                                                  "https://aka.ms/avm/TelemetryInfo"}}}}},
        camel(resource): main,
        "%s_lock" % camel(resource): {
            "condition": "[and(not(empty(coalesce(parameters('lock'), createObject()))), not(equals(tryGet("
                         "parameters('lock'), 'kind'), 'None')))]",
            "type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01",
            "scope": "[format('%s/{0}', parameters('name'))]" % rtype,
            "name": "[coalesce(tryGet(parameters('lock'), 'name'), format('lock-{0}', parameters('name')))]",
            "properties": {"level": "[coalesce(tryGet(parameters('lock'), 'kind'), '')]",
                           "notes": "[if(equals(tryGet(parameters('lock'), 'kind'), 'CanNotDelete'), 'Cannot delete "
                                    "resource or child resources.', 'Cannot delete or modify the resource or child "
                                    "resources.')]"},
            "dependsOn": [camel(resource)]},
        "%s_diagnosticSettings" % camel(resource): {
            "copy": {"name": "%s_diagnosticSettings" % camel(resource),
                     "count": "[length(coalesce(parameters('diagnosticSettings'), createArray()))]"},
            "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview",
            "scope": "[format('%s/{0}', parameters('name'))]" % rtype,
            "name": "[coalesce(coalesce(parameters('diagnosticSettings'), createArray())[copyIndex()].name, "
                    "format('{0}-diagnosticSettings', parameters('name')))]",
            "properties": {"copy": [{"name": "metrics", "count": "[length(coalesce(coalesce(parameters("
                                                                 "'diagnosticSettings'), createArray())[copyIndex()]."
                                                                 "metricCategories, createArray(createObject("
                                                                 "'category', 'AllMetrics'))))]",
                                     "input": {"category": "[coalesce(coalesce(parameters('diagnosticSettings'), "
                                                           "createArray())[copyIndex()].metricCategories, "
                                                           "createArray())[copyIndex('metrics')].category]",
                                               "timeGrain": None}}],
                           "storageAccountId": "[tryGet(coalesce(parameters('diagnosticSettings'), createArray())"
                                               "[copyIndex()], 'storageAccountResourceId')]",
                           "workspaceId": "[tryGet(coalesce(parameters('diagnosticSettings'), createArray())"
                                          "[copyIndex()], 'workspaceResourceId')]"},
            "dependsOn": [camel(resource)]},
        "%s_roleAssignments" % camel(resource): {
            "copy": {"name": "%s_roleAssignments" % camel(resource),
                     "count": "[length(coalesce(variables('formattedRoleAssignments'), createArray()))]"},
            "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
            "scope": "[format('%s/{0}', parameters('name'))]" % rtype,
            "name": "[coalesce(coalesce(variables('formattedRoleAssignments'), createArray())[copyIndex()].name, "
                    "guid(resourceId('%s', parameters('name')), coalesce(variables('formattedRoleAssignments'), "
                    "createArray())[copyIndex()].principalId, coalesce(variables('formattedRoleAssignments'), "
                    "createArray())[copyIndex()].roleDefinitionId))]" % rtype,
            "properties": {"roleDefinitionId": "[coalesce(variables('formattedRoleAssignments'), createArray())"
                                               "[copyIndex()].roleDefinitionId]",
                           "principalId": "[coalesce(variables('formattedRoleAssignments'), createArray())"
                                          "[copyIndex()].principalId]",
                           "principalType": "[tryGet(coalesce(variables('formattedRoleAssignments'), createArray())"
                                            "[copyIndex()], 'principalType')]"},
            "dependsOn": [camel(resource)]},
    }
    for child in rng.sample(["setting", "rule", "policy", "endpoint", "replica", "slot", "config", "certificate"],
                            rng.randint(2, 6)):
        resources["%s_%ss" % (camel(resource), camel(child))] = child_deployment(rng, provider, resource, child, 0)
    planted_kind = None
    if plant:
        planted_kind = rng.choice(["storage-connection-string", "client-secret-default", "sas-in-app-settings"])
        account = "st" + "".join(rng.choice(ALNUM) for _ in range(10))
        if planted_kind == "storage-connection-string":
            params["storageConnectionString"] = {
                "type": "string", "defaultValue": "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;"
                                                  "EndpointSuffix=core.windows.net" % (account, b64(rng, 64))}
        elif planted_kind == "client-secret-default":
            params["clientSecret"] = {"type": "string", "defaultValue": "%s~%s" % (
                "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(3)),
                "".join(rng.choice(string.ascii_letters + string.digits + "_-.") for _ in range(34)))}
        else:
            props["siteConfig"] = {"appSettings": [
                {"name": "BLOB_SAS_URL", "value": "https://%s.blob.core.windows.net/data?sv=2022-11-02&ss=b&srt=co"
                                                  "&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https"
                                                  "&sig=%s" % (account, b64(rng, 32).replace("+", "%2B")
                                                                .replace("/", "%2F").replace("=", "%3D"))}]}
    doc = {"$schema": ARM_SCHEMA, "languageVersion": "2.0", "contentVersion": "1.0.0.0",
           "metadata": metadata(rng, pascal(resource)), "definitions": definitions(rng), "parameters": params,
           "variables": variables(rng, resource), "resources": resources, "outputs": outputs}
    return json.dumps(doc, indent=2) + "\n", planted_kind


def main_bicep(rng, provider, resource, params):
    lines = ["metadata name = '%s'" % pascal(resource), "metadata description = 'This module deploys a %s.'"
             % resource, "", "@description('Required. Name of the %s.')" % resource, "param name string", "",
             "@description('Optional. Location for all resources.')", "param location string = resourceGroup()"
             ".location", "", "import { managedIdentityAllType, roleAssignmentType, lockType } from "
             "'br/public:avm/utl/types/avm-common-types:0.5.1'", "", "param managedIdentities managedIdentityAllType?",
             "param roleAssignments roleAssignmentType[]?", "param lock lockType?", "param disableLocalAuth bool = true",
             ""]
    for p in params:
        if p.startswith("setting"):
            lines.append("@description('Optional. %s.')" % p)
            lines.append("param %s %s = %s" % (p, "string", "'Standard'"))
    lines += ["", "var formattedRoleAssignments = [for (roleAssignment, index) in (roleAssignments ?? []): union("
              "roleAssignment, {", "  roleDefinitionId: builtInRoleNames[?roleAssignment.roleDefinitionIdOrName] ?? "
              "roleAssignment.roleDefinitionIdOrName", "})]", "",
              "resource %s 'Microsoft.%s/%ss@2024-01-01' = {" % (camel(resource), pascal(provider), camel(resource)),
              "  name: name", "  location: location", "  identity: identity", "  properties: {",
              "    ...commonProperties", "    disableLocalAuth: disableLocalAuth"]
    for p in params:
        if p.startswith("setting"):
            lines.append("    %s: %s" % (p[7].lower() + p[8:], p))
    lines += ["  }", "}", "", "resource %s_roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for "
              "(roleAssignment, index) in formattedRoleAssignments: {" % camel(resource),
              "  name: roleAssignment.?name ?? guid(%s.id, roleAssignment.principalId, roleAssignment.roleDefinitionId)"
              % camel(resource), "  properties: {", "    roleDefinitionId: roleAssignment.roleDefinitionId",
              "    principalId: roleAssignment.principalId", "  }", "  scope: %s" % camel(resource), "}]", "",
              "output name string = %s.name" % camel(resource), "output resourceId string = %s.id" % camel(resource),
              "output systemAssignedMIPrincipalId string? = %s.?identity.?principalId" % camel(resource), ""]
    return "\n".join(lines)


def readme(rng, provider, resource, params):
    lines = ["# %s `[Microsoft.%s/%ss]`" % (pascal(resource), pascal(provider), camel(resource)), "",
             "This module deploys a %s." % resource, "", "## Parameters", "", "| Parameter | Type | Description |",
             "| :-- | :-- | :-- |"]
    for p, d in params.items():
        lines.append("| [`%s`](#parameter-%s) | %s | %s |" % (p, p.lower(), d.get("type", "object"),
                                                            d.get("metadata", {}).get("description", "")))
    lines += ["", "## Usage examples", "", "```bicep", "module %s 'br/public:avm/res/%s/%s:0.4.0' = {"
              % (camel(resource), provider, resource), "  params: {", "    name: '%s001'" % camel(resource)[:10],
              "    managedIdentities: {", "      systemAssigned: true", "    }", "  }", "}", "```", ""]
    for _ in range(rng.randint(60, 200)):
        lines.append("- %s: %s" % (rng.choice(list(params)), "See the resource provider's documentation."))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--size", choices=["small", "large"], default="small")
    ap.add_argument("--modules", type=int, help="modules to write (default: 40 small, 640 large)")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--planted-every", type=int, default=12, help="one ARM-only module in K carries a credential")
    a = ap.parse_args()
    modules = a.modules or (40 if a.size == "small" else 640)
    rng = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    names = [(p, r) for p, rs in sorted(PROVIDERS.items()) for r in rs]
    total = 0
    files = 0
    planted = []
    for i in range(modules):
        provider, resource = names[i % len(names)]
        if i >= len(names):
            resource = "%s-v%d" % (resource, i // len(names))
        base = os.path.join(a.out, "avm", "res", provider, resource)
        os.makedirs(os.path.join(base, "tests", "e2e", "defaults"), exist_ok=True)
        # even modules: Bicep with its compiled main.json beside it (mi-scan reads the Bicep, not the JSON twice);
        # odd modules: ARM only (azuredeploy.json and a parameters file), as in quick-start template libraries
        arm_only = i % 2 == 1
        arm, kind = main_json(rng, provider, resource, arm_only and (i // 2) % a.planted_every == 1)
        params = json.loads(arm)["parameters"]
        outputs = {"README.md": readme(rng, provider, resource, params)}
        if arm_only:
            outputs["azuredeploy.json"] = arm
            outputs["azuredeploy.parameters.json"] = json.dumps({
                "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
                "contentVersion": "1.0.0.0",
                "parameters": {"name": {"value": camel(resource)[:12] + "001"}, "location": {"value": "westeurope"},
                               "managedIdentities": {"value": {"systemAssigned": True}}}}, indent=2) + "\n"
        else:
            outputs["main.json"] = arm
            outputs["main.bicep"] = main_bicep(rng, provider, resource, params)
        outputs.update({
            "version.json": json.dumps({"$schema": "https://aka.ms/bicep-registry-module-version-file-schema#",
                                        "version": "0.4", "pathFilters": ["./main.json"]}, indent=2) + "\n",
            os.path.join("tests", "e2e", "defaults", "main.test.bicep"):
                "targetScope = 'subscription'\n\nparam resourceLocation string = deployment().location\n\n"
                "module testDeployment '../../../main.bicep' = {\n  params: {\n    name: 'dep${uniqueString("
                "deployment().name)}'\n    location: resourceLocation\n  }\n}\n",
        })
        for rel, text in outputs.items():
            with open(os.path.join(base, rel), "w", newline="\n") as f:
                f.write(text)
            total += len(text.encode())
            files += 1
        if kind:
            planted.append({"path": os.path.relpath(os.path.join(base, "azuredeploy.json"), a.out).replace(os.sep, "/"),
                            "kind": kind})
    with open(a.out.rstrip("/") + ".manifest.json", "w") as f:
        json.dump({"modules": modules, "files": files, "bytes": total, "seed": a.seed, "planted": planted}, f, indent=1)
    print("%s: %d modules, %d files, %.1f MB, %d planted credentials" % (a.out, modules, files, total / 1e6,
                                                                          len(planted)), file=sys.stderr)


if __name__ == "__main__":
    main()
