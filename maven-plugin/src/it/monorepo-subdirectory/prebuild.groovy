// The repository: this directory, with the Maven project in services/orders and a key generated here (none is
// committed). The key is kept in target/ of this directory for verify.groovy to look for in the outputs.
import java.security.SecureRandom

def bytes = new byte[64]
new SecureRandom().nextBytes(bytes)
def key = bytes.encodeBase64().toString()
def resources = new File(basedir, 'services/orders/src/main/resources')
resources.mkdirs()
new File(resources, 'application.properties').text =
        "azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=ordersdata;AccountKey=${key};EndpointSuffix=core.windows.net\n"
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/planted.txt').text = key

def git = ['git', 'init', '-q', basedir.absolutePath].execute()
git.waitForProcessOutput(System.out, System.err)
assert git.exitValue() == 0 : 'git init failed (the plugin integration tests need git)'
return true
