package org.balloon.events.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of the list, newest first; {@code nextPageToken} null on the last page. */
public record ActionPage(List<ObjectNode> items, String nextPageToken) {
}
