package org.balloon.access;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.balloon.contracts.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the document's access rules: every operation that needs a token (Quarkus derives the
 * requirement and its role from @RolesAllowed) answers 401, 403 and 429 as problem details, each
 * with its schema and an example, like every other error of the API.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessOpenApi implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // the services' own Problem schema (the contracts record) when an operation already names it
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey(SCHEMA)) {
            openAPI.getComponents().addSchema(SCHEMA, minimalSchema());
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
                complete(op, path);
            }
        }));
    }

    private static Schema minimalSchema() {
        return OASFactory.createSchema()
                .description("RFC 9457 problem details (application/problem+json)")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static void complete(Operation op, String path) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        op.getResponses().addAPIResponse("401", problem("No bearer token, or one that is expired, not signed by a trusted key, "
                + "or for another issuer or audience", "invalid-token", "The bearer token is not valid", 401,
                "the token is expired, not signed by a trusted key, or for another issuer or audience", path));
        op.getResponses().addAPIResponse("403", problem("The token's role does not allow this operation", "forbidden",
                "Not allowed for this role", 403, "the role of this token does not allow this operation", path));
        APIResponse tooMany = problem("Over the caller's request quota; retry after Retry-After seconds", "too-many-requests",
                "Too many requests", 429, "at most 600 requests per 60 s for one caller", path);
        tooMany.addHeader("Retry-After", OASFactory.createHeader().description("seconds until a request is allowed again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        op.getResponses().addAPIResponse("429", tooMany);
    }

    private static APIResponse problem(String description, String slug, String title, int status, String detail, String path) {
        Map<String, Object> example = Map.of("type", Problem.type(slug), "title", title, "status", status,
                "detail", detail, "instance", path);
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA))
                        .addExample(slug, OASFactory.createExample().value(example))));
    }
}
