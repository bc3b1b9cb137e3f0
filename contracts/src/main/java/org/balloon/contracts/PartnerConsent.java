package org.balloon.contracts;

/** How far the partner state agreed to the action. */
public enum PartnerConsent {
    NONE,
    PARTIAL,
    FULL,
    NOT_APPLICABLE
}
