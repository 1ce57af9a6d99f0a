package io.fastship.registry;

/** Avro schemas the registry tests evolve: an order record and its compatible and incompatible successors. */
final class TestSchemas {

    static final String ORDER_V1 = """
            {"type":"record","name":"Order","namespace":"io.fastship.test",
             "fields":[{"name":"id","type":"string"}]}""";

    /** Same schema as {@link #ORDER_V1}, spelled differently. */
    static final String ORDER_V1_RESPELLED = """
            {  "namespace" : "io.fastship.test", "name":"Order", "type" : "record",
               "fields" : [ { "type" : "string", "name" : "id" } ] }""";

    /** Adds a field with a default: backward and forward compatible with v1. */
    static final String ORDER_V2_WITH_DEFAULT = """
            {"type":"record","name":"Order","namespace":"io.fastship.test",
             "fields":[{"name":"id","type":"string"},{"name":"note","type":"string","default":""}]}""";

    /** Adds a field without a default: forward compatible with v1, not backward. */
    static final String ORDER_V2_REQUIRED_FIELD = """
            {"type":"record","name":"Order","namespace":"io.fastship.test",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"long"}]}""";

    /** Adds {@code amount} with a default: compatible both ways with v1 and with {@link #ORDER_V2_REQUIRED_FIELD}. */
    static final String ORDER_V2_AMOUNT_DEFAULT = """
            {"type":"record","name":"Order","namespace":"io.fastship.test",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"long","default":0}]}""";

    /** Changes the type of {@code id}: incompatible both ways. */
    static final String ORDER_ID_AS_INT = """
            {"type":"record","name":"Order","namespace":"io.fastship.test",
             "fields":[{"name":"id","type":"int"}]}""";

    private TestSchemas() {
    }

    static String canonical(String schema) {
        return new org.apache.avro.Schema.Parser().parse(schema).toString();
    }
}
