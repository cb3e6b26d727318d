// Modules whose findings together outgrow the aggregate written after every module (500 findings): each finding in
// a file of its own (key-based authentication with a key from the environment, a warning).
def modules = ['module-a': 300, 'module-b': 200, 'module-c': 300]
// module-b fails the build when -Db.failOn=warning says so (invocation 4)
def failOnProperty = """  <properties>
    <b.failOn>none</b.failOn>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.miscan</groupId>
        <artifactId>mi-scan-maven-plugin</artifactId>
        <configuration>
          <failOn>\${b.failOn}</failOn>
        </configuration>
      </plugin>
    </plugins>
  </build>
"""
modules.each { name, count ->
    def dir = new File(basedir, "${name}/src/main/java/demo")
    dir.mkdirs()
    new File(basedir, "${name}/pom.xml").text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.miscan.it</groupId>
    <artifactId>large-reactor-parent</artifactId>
    <version>1.0</version>
  </parent>
  <artifactId>${name}</artifactId>
  <packaging>pom</packaging>
${name == 'module-b' ? failOnProperty : ''}</project>
"""
    (0..<count).each { i ->
        new File(dir, "Blob${i}.java").text = """package demo;

import com.azure.storage.common.StorageSharedKeyCredential;

class Blob${i} {
    StorageSharedKeyCredential credential(String account) {
        return new StorageSharedKeyCredential(account, System.getenv("STORAGE_KEY"));
    }
}
"""
    }
}
def git = ['git', 'init', '-q', basedir.absolutePath].execute()
git.waitForProcessOutput(System.out, System.err)
assert git.exitValue() == 0 : 'git init failed (the plugin integration tests need git)'
return true
