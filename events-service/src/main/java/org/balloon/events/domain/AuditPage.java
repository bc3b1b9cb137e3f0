package org.balloon.events.domain;

import java.util.List;

/** A page of the audit trail, newest first; nextPageToken is null on the last page. */
public record AuditPage(List<AuditEntry> items, String nextPageToken) {
}
