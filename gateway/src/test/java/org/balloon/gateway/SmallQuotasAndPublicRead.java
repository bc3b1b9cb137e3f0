package org.balloon.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Quotas small enough to reach in a test, and anonymous reading switched on (BALLOON_PUBLIC_READ). */
public class SmallQuotasAndPublicRead implements QuarkusTestProfile {

    static final int REQUESTS = 8;
    static final int ANONYMOUS_REQUESTS = 4;
    static final int STREAMS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "balloon.quota.requests", Integer.toString(REQUESTS),
                "balloon.quota.anonymous-requests", Integer.toString(ANONYMOUS_REQUESTS),
                "balloon.quota.streams", Integer.toString(STREAMS),
                "balloon.quota.period", "PT10M",
                "balloon.access.public-read", "true");
    }
}
