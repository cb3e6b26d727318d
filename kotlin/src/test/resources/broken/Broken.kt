// mi-scan:allow-file test fixture: Kotlin with syntax errors is still read as far as it goes
package fixtures.kotlin.broken

import com.azure.storage.common.StorageSharedKeyCredential

class Broken {
    fun ok() {
        // expect: MI-STORAGE-SHAREDKEY error
        StorageSharedKeyCredential("contosodata", "Cg/yh93mKM1a2AU2GqYzMx8PZXDr/Tiz/9GJyDQQbbDK4oTRHkKWrbd+rJ3TL/xHQKF5zugGhGXwS8xlhAuFNQ==")
    }

    fun broken( {
        val x = = 3
    }
