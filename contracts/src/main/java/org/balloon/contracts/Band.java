package org.balloon.contracts;

/** Overall score bands, from least to most likely to fail. */
public enum Band {
    LOW,
    MODERATE,
    HIGH,
    SEVERE
}
