// Three storage keys of one account, generated here (none is committed): three findings of one rule with one
// fix. The keys are kept in target/ for verify.groovy to look for in the outputs.
import java.security.SecureRandom

def random = new SecureRandom()
def keys = (1..3).collect {
    def bytes = new byte[64]
    random.nextBytes(bytes)
    bytes.encodeBase64().toString()
}
def resources = new File(basedir, 'src/main/resources')
resources.mkdirs()
new File(resources, 'application.properties').text = keys.withIndex().collect { k, i ->
    "storage.${i}=DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=${k};EndpointSuffix=core.windows.net\n"
}.join('')
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/planted.txt').text = keys.join('\n')
return true
