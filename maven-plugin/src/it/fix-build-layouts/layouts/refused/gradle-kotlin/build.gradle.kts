// Gradle builds are not edited: the fix is refused and says what to add
plugins {
    java
}

dependencies {
    implementation(platform("com.azure:azure-sdk-bom:1.3.8"))
    implementation("com.azure:azure-storage-blob")
}
