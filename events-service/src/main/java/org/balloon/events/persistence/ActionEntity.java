package org.balloon.events.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.balloon.contracts.ActionType;

/**
 * An accepted policy action: the filterable fields as columns, and {@link #payload}, the exact JSON
 * that is published (the record of truth; the columns are derived from it).
 */
@Entity
@Table(name = "policy_action")
public class ActionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "schema_version", nullable = false)
    public int schemaVersion;

    @Column(nullable = false, length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public ActionType type;

    @Column(name = "target_country", nullable = false, length = 2)
    public String targetCountry;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(nullable = false)
    public String payload;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "retraction_reason", length = 1000)
    public String retractionReason;

    /** Who submitted it: the token's subject and name (null for actions from before access control). */
    @Column(name = "submitted_by_subject")
    public String submittedBySubject;

    @Column(name = "submitted_by_name")
    public String submittedByName;

    @Column(name = "retracted_by_subject")
    public String retractedBySubject;

    @Column(name = "retracted_by_name")
    public String retractedByName;

    /** targetOrganizations, case-folded, for the organization filter. */
    @ElementCollection
    @CollectionTable(name = "action_organization", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "name_key", length = 200)
    public Set<String> organizationKeys = new HashSet<>();
}
