// mi-scan:allow-file test vector: compiled with kotlinc 2.4.21 (-jvm-target 17) into the .class.bin files here
package com.contoso.kt

import com.azure.storage.blob.BlobServiceClientBuilder
import com.azure.storage.common.StorageSharedKeyCredential

// a constant of the file class StorageKt: the compiler copies it into Storage.constant()
const val STORAGE_KEY = "8VS/EOpRXL8r1mG0PN6AyvOzKggQyP/lVQwRMmiM/RROV4TD8kbKOM/4MXDfobmcHR/WGV5RNZadRFPdLjQTRw=="

class Storage(private val account: String) {
    fun literal() {
        // expect: MI-STORAGE-CONNSTR error
        BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=9fz02rlWIUFTbDeOl9LLShgBTOEQI7Oaim5N/D4DDH+YUAlBk4X/RKeZ/4wdD+nRUUBTGDpkKFxsHpzzRxuiPA==;EndpointSuffix=core.windows.net").buildClient()
    }

    // expect: MI-STORAGE-KEY-AUTH warning
    fun fromEnvironment() = StorageSharedKeyCredential(account, System.getenv("AZURE_STORAGE_KEY"))

    fun template(key: String) {
        val connection = "DefaultEndpointsProtocol=https;AccountName=$account;AccountKey=$key"
        // expect: MI-STORAGE-KEY-AUTH warning
        BlobServiceClientBuilder().connectionString(connection).buildClient()
    }

    // expect: MI-STORAGE-SHAREDKEY error
    fun constant() = StorageSharedKeyCredential(account, STORAGE_KEY)

    fun notFindings(names: List<String>) {
        BlobServiceClientBuilder().connectionString(EMULATOR).buildClient()
        names.filter { it.isNotEmpty() }.forEach { println("container $it") }
    }

    companion object {
        val EMULATOR = "UseDevelopmentStorage=true"
    }
}
