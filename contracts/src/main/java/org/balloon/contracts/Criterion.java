package org.balloon.contracts;

/** The eight failure modes of the article a score is made of. */
public enum Criterion {
    DEMAND_UNTOUCHED,
    FRAGMENTATION_RISK,
    SOVEREIGNTY_FRICTION,
    DISPLACEMENT,
    BACKLASH,
    PARTNER_CAPACITY,
    LEGAL_EXPOSURE,
    POLICY_INCOHERENCE
}
