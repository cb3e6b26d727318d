<#
.SYNOPSIS
    Publishes the static site and partner files (Windows agents).
#>
param(
    [string]$ResourceGroup = "rg-contoso-web-prod",
    [string]$AccountName = "stcontosowebprod01"
)
$ErrorActionPreference = "Stop"

$ctx = New-AzStorageContext -StorageAccountName $AccountName -StorageAccountKey "8Xq1Mi1ywBAK42J7SBxI3aXXg2l2uPYyZhjs2t27vQyc0VD2R749hxRzSUWQz7kxARgXpIdJXU4XkQVNwfFw4A=="
Set-AzStorageBlobContent -Context $ctx -Container '$web' -File .\dist\index.html -Blob index.html -Force

# archive account: Entra auth
$archiveCtx = New-AzStorageContext -StorageAccountName "stcontosoarchive01" -UseConnectedAccount
Get-AzStorageBlob -Context $archiveCtx -Container "web-backups" | Select-Object -Last 5

# legacy account key comes from the pipeline library
$legacyCtx = New-AzStorageContext -StorageAccountName "stcontosolegacy01" -StorageAccountKey $env:LEGACY_STORAGE_KEY

# partner drop: account SAS
$partnerCtx = New-AzStorageContext -StorageAccountName "stcontosopartner" -SasToken "?sv=2022-11-02&ss=bf&srt=sco&sp=rl&se=2026-03-31T00:00:00Z&st=2025-03-31T00:00:00Z&spr=https&sig=76DN8R6L1T%2FXvmVBEMxUk4CiqyFW8GdBs3He0Hh80%2Fs%3D"
Get-AzStorageFile -Context $partnerCtx -ShareName "inbound" | Format-Table Name, Length
