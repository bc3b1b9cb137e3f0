package org.balloon.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.balloon.scoring.engine.ScoringEngine;
import org.jboss.logging.Logger;

/**
 * Takes one built-in action through the stream's path (decode, validate, score, write the JSON)
 * before the stream starts, so the classes it needs are loaded and run once before the service
 * reports ready. On a loaded machine a freshly started JVM took seconds over its first records
 * (issue 10: a restart's first score came seconds after the restarted instance was ready).
 * No metric counts it; nothing is sent.
 */
@ApplicationScoped
public class StreamWarmUp {

    private static final Logger LOG = Logger.getLogger(StreamWarmUp.class);
    private static final String ID = "00000000-0000-4000-8000-00000000a11e";
    private static final String SAMPLE = "{\"schemaVersion\":1,\"id\":\"" + ID + "\",\"title\":\"warm-up\","
            + "\"type\":\"MILITARY_STRIKE\",\"targetCountry\":\"VE\",\"occurredOn\":\"2025-09-02\",\"stage\":\"COMPLETED\","
            + "\"leadAgency\":\"DOD\",\"theater\":\"INTERNATIONAL_WATERS\",\"targetOrganizations\":[\"Tren de Aragua\"],"
            + "\"substances\":[\"COCAINE\"],\"partnerConsent\":\"NONE\",\"lethalForce\":true,\"fatalities\":11,"
            + "\"demandSideShare\":0.0,\"legalBasis\":\"ARMED_CONFLICT_CLAIM\",\"receivedAt\":\"2025-09-02T12:00:00Z\"}";

    // before Quarkus starts the stream (its StartupEvent observer has the default priority)
    void warmUp(@Observes @Priority(1) StartupEvent event, ActionRecordDecoder decoder, ScoringEngine engine,
            ObjectMapper mapper) {
        long start = System.nanoTime();
        try {
            if (decoder.decode(ID, SAMPLE) instanceof ActionRecordDecoder.Action a) {
                mapper.writeValueAsString(engine.score(a.action()));
                decoder.decode(ID, null); // the tombstone path
            } else {
                LOG.warnf("the warm-up action did not decode as an action");
            }
        } catch (Exception e) {
            LOG.warnf("scoring warm-up failed (the stream starts anyway): %s", e.toString());
        }
        LOG.debugf("scoring path warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
