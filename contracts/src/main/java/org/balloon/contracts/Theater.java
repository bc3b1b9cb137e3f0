package org.balloon.contracts;

/** Where the action takes place. */
public enum Theater {
    LAND,
    TERRITORIAL_WATERS,
    INTERNATIONAL_WATERS,
    AIRSPACE,
    FINANCIAL,
    US_DOMESTIC
}
