package org.balloon.scoring.messaging;

import jakarta.validation.Path;

/** The JSON name of the field a constraint violation is about, e.g. {@code agencies[2]} or {@code title}. */
public final class FieldNames {

    private FieldNames() {
    }

    /**
     * Record components are validated as properties, so the path is the JSON name; method and
     * parameter nodes (when a REST parameter is validated) and list-element placeholders are dropped.
     */
    public static String of(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> {
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(name);
            }
            if (node.getIndex() != null) {
                b.append('[').append(node.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "(body)" : b.toString();
    }
}
