package org.balloon.contracts;

/** The legal basis the US claims for the action. */
public enum LegalBasis {
    CONGRESSIONAL_AUTHORIZATION,
    TREATY,
    PARTNER_REQUEST,
    EXECUTIVE_ORDER,
    ARMED_CONFLICT_CLAIM,
    NONE_STATED
}
