package demo;

/** A class, so that the classes directory and the jar hold a class file too. */
public class Orders {
    public static final String NAME = "orders";
}
