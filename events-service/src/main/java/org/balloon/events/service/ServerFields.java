package org.balloon.events.service;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.balloon.contracts.PolicyAction;

/**
 * Stamps a submission with the fields only the server sets (id, schemaVersion, receivedAt): a copy
 * of the record through its canonical constructor, found once by reflection, so every field the
 * contract gains later is carried over without this class changing, and the JSON comes straight
 * from the record (no detour through a JSON tree).
 */
final class ServerFields {

    private static final RecordComponent[] COMPONENTS = PolicyAction.class.getRecordComponents();
    private static final MethodHandle[] ACCESSORS = new MethodHandle[COMPONENTS.length];
    private static final MethodHandle CONSTRUCTOR;
    private static final int ID = index("id");
    private static final int SCHEMA_VERSION = index("schemaVersion");
    private static final int RECEIVED_AT = index("receivedAt");

    static {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < COMPONENTS.length; i++) {
                ACCESSORS[i] = lookup.unreflect(COMPONENTS[i].getAccessor());
            }
            Class<?>[] types = Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
            CONSTRUCTOR = lookup.findConstructor(PolicyAction.class, MethodType.methodType(void.class, types));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ServerFields() {
    }

    static PolicyAction stamp(PolicyAction submitted, UUID id, Instant receivedAt) {
        Object[] values = new Object[COMPONENTS.length];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = ACCESSORS[i].invoke(submitted);
            }
            values[ID] = id;
            values[SCHEMA_VERSION] = PolicyAction.SCHEMA_VERSION;
            values[RECEIVED_AT] = receivedAt;
            return (PolicyAction) CONSTRUCTOR.invokeWithArguments(values);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot stamp action " + id, e);
        }
    }

    private static int index(String name) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].getName().equals(name)) {
                return i;
            }
        }
        throw new ExceptionInInitializerError("PolicyAction has no component " + name);
    }
}
