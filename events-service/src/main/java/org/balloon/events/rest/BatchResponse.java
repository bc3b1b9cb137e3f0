package org.balloon.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per-item results of a batch, in input order. */
@Schema(name = "BatchResult")
public record BatchResponse(int accepted, int rejected, List<Item> results) {

    /** One item: its 0-based index (and 1-based NDJSON line), and either its id or its problems. */
    @Schema(name = "BatchItemResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Integer line, UUID id, List<Problem.FieldError> problems) {
    }
}
