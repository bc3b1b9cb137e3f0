package org.balloon.gateway.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.gateway.domain.ScoreFilter;

/** Parses the public query parameters, answering 400 naming the parameter rather than a silent 404. */
final class Params {

    private Params() {
    }

    static ScoreFilter filter(String country, String type, String organization, String agency, String from, String to,
            String minOverall, String modelVersion) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadParameterException("from", "from must not be after to");
        }
        return new ScoreFilter(country(country), enumName("type", type, ActionType.class), blankToNull(organization),
                enumName("agency", agency, Agency.class), fromDate, toDate, integer("minOverall", minOverall, 0, 100),
                blankToNull(modelVersion));
    }

    static String country(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("[A-Za-z]{2}")) {
            throw new BadParameterException("country", "country must be an ISO 3166-1 alpha-2 code, e.g. CO");
        }
        return v.toUpperCase(Locale.ROOT);
    }

    /** An organisation's exact name, as the contract allows it (at most 200 characters); blank is none. */
    static String organization(String value) {
        String v = blankToNull(value);
        if (v != null && v.length() > 200) {
            throw new BadParameterException("organization", "organization must be an organisation's exact name, at most 200 characters");
        }
        return v;
    }

    static <E extends Enum<E>> String enumName(String name, String value, Class<E> type) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v).name();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, name + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " must be an ISO date (YYYY-MM-DD)");
        }
    }

    static Integer integer(String name, String value, int min, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new BadParameterException(name, name + " must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be an integer between " + min + " and " + max);
        }
    }

    static Long sequence(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            long l = Long.parseLong(v);
            if (l < 0) {
                throw new BadParameterException(name, name + " must not be negative");
            }
            return l;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be an event id (a non-negative integer)");
        }
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadParameterException(name, name + " must be a UUID");
        }
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
