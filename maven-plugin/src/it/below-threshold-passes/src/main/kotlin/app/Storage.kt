package app

import com.azure.storage.blob.BlobServiceClientBuilder

// Kotlin is read as Java: a key from the environment is key-based auth (a warning, below the threshold)
class Storage {
    fun client() = BlobServiceClientBuilder().connectionString(System.getenv("STORAGE_CONNECTION_STRING")).buildClient()
}
