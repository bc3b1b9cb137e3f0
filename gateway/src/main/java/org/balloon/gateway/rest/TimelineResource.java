package org.balloon.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.balloon.access.Roles;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.Timeline;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.service.Timelines;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One country's or one organisation's record in time, from the gateway's own store (issue 14). */
@Path("/api/timeline")
@Tag(name = "scores")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.VIEWER)
public class TimelineResource {

    /** Actions a timeline answers unless {@code limit} says otherwise; the longest thread of the shipped history has 27. */
    static final int DEFAULT_LIMIT = 200;

    /** Titles and dates from the shipped history; ids, scores and the digest are illustrative. */
    static final String TIMELINE_EXAMPLE = """
            {"country":"VE","truncated":false,
             "items":[
              {"actionId":"0c9a3d5e-41a7-4d4b-a2f1-3b8c1a0e6f21","eventId":"118","occurredOn":"2025-09-02",
               "title":"First US strike on an alleged drug boat off Venezuela, 11 killed","type":"MILITARY_STRIKE",
               "targetCountry":"VE","organizations":["Tren de Aragua"],"overall":53,"band":"HIGH","modelVersion":"2026.2+cd6d7a16",
               "criterionScores":{"DEMAND_UNTOUCHED":20,"SOVEREIGNTY_FRICTION":45,"BACKLASH":40},
               "context":{"historyVersion":"h1","earlierActions":1,"digest":"5e0f1c2a9b7d3e41"},
               "historyFactors":[{"criterion":"SOVEREIGNTY_FRICTION","rule":"SF-13","points":5,
                 "evidence":"1 earlier unilateral or lethal action(s) against VE within 5 years: 2020-04-01 \\"Trump launches an enhanced counternarcotics operation and moves Navy ships toward Venezuela\\" (id 7d2e9b14-5c3a-4f0e-8a61-2b9d4c7e1f03)",
                 "cites":["7d2e9b14-5c3a-4f0e-8a61-2b9d4c7e1f03"]}]}],
             "cited":{"7d2e9b14-5c3a-4f0e-8a61-2b9d4c7e1f03":{"actionId":"7d2e9b14-5c3a-4f0e-8a61-2b9d4c7e1f03",
               "occurredOn":"2020-04-01","title":"Trump launches an enhanced counternarcotics operation and moves Navy ships toward Venezuela",
               "type":"MARITIME_INTERDICTION","targetCountry":"VE","overall":38,"band":"MODERATE"}}}""";

    private final Timelines timelines;

    public TimelineResource(Timelines timelines) {
        this.timelines = timelines;
    }

    @GET
    @Operation(summary = "A country's or an organisation's actions in time, with the earlier actions their scores cite",
            description = "The non-retracted actions of one target country or one targeted organisation (exact name, as "
                    + "the filters of `/api/scores`), oldest first by `occurredOn`, then title, then action id; each with "
                    + "its score (overall, band, per criterion, the history `context`) and its history factors: the "
                    + "rules that read the action against the earlier record, each with the ids of the earlier actions "
                    + "it rests on (`cites`, newest first). `cited` resolves every cited id into the earlier action's "
                    + "headline; an id the store no longer holds (retracted) is absent. Exactly one of `country` and "
                    + "`organization`. Scores of the active model version unless `modelVersion` names one; an action "
                    + "the active model has not scored shows its latest score, as `GET /api/scores/{actionId}` does. "
                    + "At most `limit` actions (default 200, at most 500): the latest ones, `truncated` says so.")
    @APIResponse(responseCode = "200", description = "The timeline, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Timeline.class),
                    examples = @ExampleObject(name = "timeline", value = TIMELINE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Timeline timeline(
            @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2 target country (or `organization`)", example = "VE") String country,
            @QueryParam("organization") @Parameter(description = "a targeted organisation, exact name (or `country`)", example = "Sinaloa Cartel") String organization,
            @QueryParam("modelVersion") @Parameter(description = "a model version other than the active one", example = "2026.1") String modelVersion,
            @QueryParam("limit") @Parameter(description = "the latest this many actions (default 200)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) String limit) {
        String c = Params.country(country);
        String org = Params.organization(organization);
        if ((c == null) == (org == null)) {
            throw new BadParameterException(List.of("country", "organization"), c == null
                    ? "give a country or an organization: a timeline is one of them"
                    : "give a country or an organization, not both: a timeline is one of them");
        }
        Integer size = Params.integer("limit", limit, 1, ScoreStore.MAX_ROWS);
        ScoreFilter filter = new ScoreFilter(c, null, org, null, null, null, null, Params.blankToNull(modelVersion));
        return timelines.of(filter, size == null ? DEFAULT_LIMIT : size);
    }
}
