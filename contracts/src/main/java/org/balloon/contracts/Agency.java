package org.balloon.contracts;

/** US agencies that lead or take part in an action. */
public enum Agency {
    DOD,
    DEA,
    STATE,
    TREASURY,
    DHS,
    DOJ,
    USAID,
    HHS,
    ONDCP,
    CIA,
    FBI,
    OTHER
}
