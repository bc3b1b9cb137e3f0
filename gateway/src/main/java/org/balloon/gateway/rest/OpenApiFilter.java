package org.balloon.gateway.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/** Finishes the public document where annotations fall short (an NDJSON example must stay a string). */
public class OpenApiFilter implements OASFilter {

    static final String NDJSON = "application/x-ndjson";

    private static final String NDJSON_EXAMPLE = """
            {"title":"Strike on a go-fast boat","type":"MILITARY_STRIKE","targetCountry":"VE","occurredOn":"2025-09-02"}
            {"title":"Treatment expansion","type":"DEMAND_REDUCTION","targetCountry":"US","occurredOn":"2025-01-15"}
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem batch = openAPI.getPaths().getPathItem("/api/actions/batch");
        if (batch == null || batch.getPOST() == null || batch.getPOST().getRequestBody() == null) {
            return;
        }
        MediaType ndjson = batch.getPOST().getRequestBody().getContent().getMediaType(NDJSON);
        if (ndjson != null) {
            ndjson.setExamples(Map.of("ndjson", OASFactory.createExample().summary("two actions, one per line")
                    .value(NDJSON_EXAMPLE)));
        }
    }
}
