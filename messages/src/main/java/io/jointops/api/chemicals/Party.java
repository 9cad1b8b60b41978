package io.jointops.api.chemicals;

/** An exporter, importer or consignee: the Convention asks for name and address of each. */
public record Party(String name, Address address) {
}
