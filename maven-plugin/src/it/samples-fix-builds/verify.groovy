// Both builds compiled (invoker.buildResult); the fixed tree's classes include the rewritten clients.
assert new File(basedir, 'spring-boot-app/original/target/classes/com/contoso/orders/OrderEvents.class').isFile()
assert new File(basedir, 'spring-boot-app/fixed/target/classes/com/contoso/orders/OrderEvents.class').isFile()
def events = new File(basedir, 'spring-boot-app/fixed/src/main/java/com/contoso/orders/OrderEvents.java').text
assert events.contains('new DefaultAzureCredentialBuilder().build()')
assert events.contains('import com.azure.identity.DefaultAzureCredentialBuilder;')
return true
