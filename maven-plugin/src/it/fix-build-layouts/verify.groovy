// Every fixed layout compiled (invoker.buildResult); the classes are there, and each pom.xml says what fix added.
import java.nio.file.*
def fixed = basedir.toPath().resolve('fixed')
['bom-imported/target/classes/demo/Reports.class', 'spring-starter/target/classes/demo/Archive.class',
 'no-bom/target/classes/demo/Invoices.class', 'multi-module/orders/target/classes/demo/orders/Orders.class',
 'multi-module/billing/target/classes/demo/billing/Billing.class'].each {
    assert Files.isRegularFile(fixed.resolve(it)) : "$it was not compiled"
}
def noBom = fixed.resolve('no-bom/pom.xml').toFile().text
assert noBom.contains('<artifactId>azure-sdk-bom</artifactId>\n                <version>1.3.8</version>')
assert noBom.contains('<!-- the SDK, pinned by hand -->')
def orders = fixed.resolve('multi-module/orders/pom.xml').toFile().text
assert orders.count('<artifactId>azure-identity</artifactId>') == 1 : 'one pom edit for the two fixed files'
assert fixed.resolve('multi-module/billing/pom.xml').toFile().text == new File(basedir, 'layouts/multi-module/billing/pom.xml').text
return true
