package org.balloon.contracts;

/**
 * Whether the action's target is an official of the partner state (the {@code targetCountry}).
 * Absent means "not stated".
 *
 * <p>Examples: the October 2020 arrest in Los Angeles of Mexico's former defence secretary
 * Salvador Cienfuegos is {@code FORMER_OFFICIAL}; the October 2025 OFAC designation of Colombia's
 * sitting president Gustavo Petro is {@code SERVING_OFFICIAL}; the 2016 recapture of "El Chapo"
 * Guzmán is {@code NOT_AN_OFFICIAL}.
 */
public enum PartnerOfficialTarget {
    /** A serving official of the partner state: head of state, minister, general, police chief. */
    SERVING_OFFICIAL,
    /** A former official of the partner state. */
    FORMER_OFFICIAL,
    /** No official of the partner state is targeted. */
    NOT_AN_OFFICIAL
}
