// mi-scan:allow-file test fixture: the writes happen here, through the store's getter
package shop;

public class CatalogService {
    private final CatalogStore store = new CatalogStore();

    public void add(Object item) {
        store.getItems().createItem(item);
    }

    public Object find(String id) {
        return store.getItems().readItem(id, null, Object.class);
    }
}
