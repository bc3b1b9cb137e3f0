package org.balloon.contracts;

/** Drugs the action is aimed at. */
public enum Substance {
    COCAINE,
    FENTANYL,
    METHAMPHETAMINE,
    HEROIN,
    OPIUM,
    CANNABIS,
    OTHER
}
