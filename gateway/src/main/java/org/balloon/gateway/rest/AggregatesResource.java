package org.balloon.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.balloon.access.Roles;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.domain.Aggregates;
import org.balloon.gateway.domain.GroupBy;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.persistence.ScoreStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Group comparisons, computed by PostgreSQL over the non-retracted scores of one model version. */
@Path("/api/aggregates")
@Tag(name = "scores")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.VIEWER)
public class AggregatesResource {

    private static final String GROUPS = Arrays.stream(GroupBy.values()).map(GroupBy::parameter)
            .collect(Collectors.joining(", "));

    private final ScoreStore store;

    public AggregatesResource(ScoreStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "Count, mean overall and mean per criterion, per group",
            description = "Groups by target country, targeted organisation, action type, agency (lead or participating) "
                    + "or month of occurrence (YYYY-MM). An action counts in every organisation and agency group it "
                    + "names; actions naming none are in no such group. Retracted actions count nowhere. Defaults to the "
                    + "active model version (that of the most recent score). At most 500 groups, largest first.")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The groups, largest first (as CSV: a header row, one row per group, "
            + "one column per criterion)",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Aggregates.class),
                    examples = @ExampleObject(name = "byCountry", value = """
                            {"groupBy":"country","modelVersion":"2026.1","groups":[
                             {"key":"CO","count":3,"meanOverall":41.67,"meanByCriterion":{"BACKLASH":20.0,"DISPLACEMENT":55.0}}]}""")),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "country,modelVersion,count,meanOverall,DEMAND_UNTOUCHED,"
                            + "FRAGMENTATION_RISK,SOVEREIGNTY_FRICTION,DISPLACEMENT,BACKLASH,PARTNER_CAPACITY,LEGAL_EXPOSURE,"
                            + "POLICY_INCOHERENCE\r\nCO,2026.1,3,41.67,10.0,25.0,30.0,55.0,20.0,12.5,40.0,8.33\r\n"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response aggregates(
            @QueryParam("groupBy") @Parameter(required = true, description = "country, organization, type, agency or month",
                    schema = @Schema(enumeration = {"country", "organization", "type", "agency", "month"}), example = "country") String groupBy,
            @BeanParam ScoreFilterParams filterParams,
            @QueryParam("modelVersion") @Parameter(description = "a model version other than the active one", example = "2026.1") String modelVersion,
            @QueryParam("format") @Parameter(description = "csv for a spreadsheet (same as `Accept: text/csv`); json by default",
                    schema = @Schema(enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers) {
        boolean csv = Csv.wanted(format, headers);
        GroupBy by = GroupBy.fromParameter(Params.blankToNull(groupBy)).orElseThrow(
                () -> new BadParameterException("groupBy", "groupBy must be one of " + GROUPS));
        ScoreFilter filter = filterParams.toFilter(modelVersion);
        if (filter.modelVersion() == null) {
            String active = store.activeModelVersion().orElse(null);
            if (active == null) {
                return answer(new Aggregates(by.parameter(), null, List.of()), csv);
            }
            filter = filter.withModelVersion(active);
        }
        return answer(store.aggregate(by, filter), csv);
    }

    private static Response answer(Aggregates aggregates, boolean csv) {
        if (!csv) {
            return Response.ok(aggregates, MediaType.APPLICATION_JSON).build();
        }
        return Csv.download("balloon-aggregates-by-" + aggregates.groupBy() + ".csv", w -> {
            Csv.writeRow(w, Csv.aggregateHeader(aggregates.groupBy()));
            for (Aggregates.Group g : aggregates.groups()) {
                Csv.writeRow(w, Csv.aggregateRow(g, aggregates.modelVersion()));
            }
        });
    }
}
