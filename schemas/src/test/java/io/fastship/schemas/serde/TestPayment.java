package io.fastship.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A hand-written generated-style record for serde tests; its full name matches its Java class. */
public class TestPayment extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type":"record","name":"TestPayment","namespace":"io.fastship.schemas.serde","fields":[
              {"name":"id","type":{"type":"string","avro.java.string":"String"}},
              {"name":"amountCents","type":"long"},
              {"name":"captured","type":"boolean"}]}""");

    private String id;
    private long amountCents;
    private boolean captured;

    public TestPayment() {
    }

    public TestPayment(String id, long amountCents, boolean captured) {
        this.id = id;
        this.amountCents = amountCents;
        this.captured = captured;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> id;
            case 1 -> amountCents;
            case 2 -> captured;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> id = value == null ? null : value.toString();
            case 1 -> amountCents = (Long) value;
            case 2 -> captured = (Boolean) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    public String getId() {
        return id;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public boolean getCaptured() {
        return captured;
    }
}
