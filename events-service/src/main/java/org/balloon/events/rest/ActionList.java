package org.balloon.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of actions, newest first; {@code nextPageToken} is null on the last page. */
@Schema(name = "ActionList")
public record ActionList(List<ObjectNode> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextPageToken) {
}
