package org.balloon.bench.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.BalloonJson;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Theater;

/**
 * The actions a run submits: the article's maritime strike, varied a little so that the scores
 * differ, always for the country the section streams (so other traffic on the stack is not counted).
 */
public final class Actions {

    private static final ObjectMapper JSON = BalloonJson.newMapper();

    private Actions() {
    }

    /** A submission as an analyst posts it: no id, schemaVersion or receivedAt. */
    public static PolicyAction submission(String country, String title, int i) {
        return new PolicyAction(null, null, null, title + " " + i, ActionType.MARITIME_INTERDICTION, country,
                LocalDate.of(2025, 9, 2).plusDays(i % 300), null, null, Agency.DOD, null, Theater.INTERNATIONAL_WATERS,
                List.of("Tren de Aragua"), null, PartnerConsent.NONE, i % 2 == 0, i % 7, null, null, null, null, null,
                null, null);
    }

    /** The same action as the events-service publishes it on the actions topic. */
    public static PolicyAction published(String country, int i) {
        PolicyAction s = submission(country, "bench", i);
        return new PolicyAction(UUID.randomUUID(), PolicyAction.SCHEMA_VERSION, Instant.now(), s.title(), s.type(),
                s.targetCountry(), s.occurredOn(), s.description(), s.stage(), s.leadAgency(), s.agencies(), s.theater(),
                s.targetOrganizations(), s.substances(), s.partnerConsent(), s.lethalForce(), s.fatalities(),
                s.civilianHarmReported(), s.demandSideShare(), s.alternativeLivelihoods(), s.budgetUsd(),
                s.durationMonths(), s.legalBasis(), s.sources());
    }

    public static String json(PolicyAction a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} submissions, one JSON object per line. */
    public static String ndjson(String country, String title, int n) {
        StringBuilder sb = new StringBuilder(n * 300);
        for (int i = 0; i < n; i++) {
            sb.append(json(submission(country, title, i))).append('\n');
        }
        return sb.toString();
    }
}
