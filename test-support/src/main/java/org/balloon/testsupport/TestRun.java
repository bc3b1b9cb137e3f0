package org.balloon.testsupport;

import java.util.UUID;

/** The id of this test JVM's run: it names the run's schemas and (on a shared broker) topics. */
public final class TestRun {

    public static final String ID = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private TestRun() {
    }
}
