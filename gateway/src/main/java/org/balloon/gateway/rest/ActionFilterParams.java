package org.balloon.gateway.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filter query parameters of an action list, declared and documented once (a {@code @BeanParam});
 * {@link ScoreFilterParams} adds what only stored scores can be filtered by.
 */
public class ActionFilterParams {

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 target country", example = "CO")
    public String country;

    @QueryParam("type")
    @Parameter(description = "action type", example = "MARITIME_INTERDICTION")
    public String type;

    @QueryParam("organization")
    @Parameter(description = "a targeted organisation, exact name", example = "Clan del Golfo")
    public String organization;

    @QueryParam("from")
    @Parameter(description = "occurred on or after (ISO date)", example = "2024-01-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "occurred on or before (ISO date)", example = "2024-12-31")
    public String to;
}
