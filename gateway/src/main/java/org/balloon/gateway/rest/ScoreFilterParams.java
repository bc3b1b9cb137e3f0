package org.balloon.gateway.rest;

import jakarta.ws.rs.QueryParam;
import org.balloon.gateway.domain.ScoreFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filter query parameters of stored scores and their aggregates, declared and documented once. */
public class ScoreFilterParams extends ActionFilterParams {

    @QueryParam("agency")
    @Parameter(description = "lead or participating agency", example = "DEA")
    public String agency;

    @QueryParam("minOverall")
    @Parameter(description = "only scores at least this high", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
    public String minOverall;

    /** The filter these parameters name (400 for a bad one), for scores of {@code modelVersion} (null: any). */
    public ScoreFilter toFilter(String modelVersion) {
        return Params.filter(country, type, organization, agency, from, to, minOverall, modelVersion);
    }
}
