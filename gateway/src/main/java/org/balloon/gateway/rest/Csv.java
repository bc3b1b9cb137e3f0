package org.balloon.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;
import org.balloon.gateway.domain.Aggregates;
import org.balloon.gateway.domain.CriterionScores;
import org.balloon.gateway.domain.StoredScore;

/**
 * CSV out for spreadsheets (RFC 4180): a header row, one column per {@link Criterion} in enum
 * order, CRLF line ends, UTF-8 with a byte order mark (without it Excel reads UTF-8 as the
 * local code page and mangles "Bogotá"). Text cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a control character) get a leading apostrophe, as OWASP advises.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";
    static final MediaType TYPE = new MediaType("text", "csv", Map.of("charset", "utf-8", "header", "present"));

    private static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** The caller asked for CSV: {@code ?format=csv}, or text/csv is what its Accept header prefers. */
    static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if ("csv".equalsIgnoreCase(format.strip())) {
                return true;
            }
            if ("json".equalsIgnoreCase(format.strip())) {
                return false;
            }
            throw new BadParameterException("format", "format must be json or csv");
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.get(0).isWildcardType()
                && accepted.get(0).isCompatible(MediaType.valueOf(MEDIA_TYPE));
    }

    /** A streamed download: rows are written (and flushed in chunks) as {@code body} produces them. */
    static Response download(String filename, Body body) {
        StreamingOutput out = stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
            w.write(BOM);
            body.write(w);
            w.flush();
        };
        return Response.ok(out, TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @FunctionalInterface
    interface Body {
        void write(Writer w) throws IOException;
    }

    static List<String> scoreHeader() {
        List<String> header = new ArrayList<>(List.of("eventId", "actionId", "modelVersion", "scoredAt", "overall", "band",
                "title", "type", "targetCountry", "occurredOn", "stage", "leadAgency", "agencies", "targetOrganizations"));
        for (Criterion c : Criterion.values()) {
            header.add(c.name());
        }
        return header;
    }

    static List<String> scoreRow(StoredScore stored, ObjectMapper mapper) throws IOException {
        ActionScore s = mapper.readValue(stored.json(), ActionScore.class);
        PolicyAction a = s.action();
        List<String> row = new ArrayList<>(List.of(
                Long.toString(stored.seq()), stored.actionId().toString(), text(s.modelVersion()),
                s.scoredAt() == null ? "" : s.scoredAt().toString(), Integer.toString(s.overall()),
                s.band() == null ? "" : s.band().name(),
                a == null ? "" : text(a.title()),
                a == null || a.type() == null ? "" : a.type().name(),
                a == null ? "" : text(a.targetCountry()),
                a == null || a.occurredOn() == null ? "" : a.occurredOn().toString(),
                a == null || a.stage() == null ? "" : a.stage().name(),
                a == null || a.leadAgency() == null ? "" : a.leadAgency().name(),
                String.join(";", stored.agencies()),
                text(String.join(";", stored.organizations()))));
        Map<Criterion, Integer> byCriterion = CriterionScores.of(s);
        for (Criterion c : Criterion.values()) {
            Integer v = byCriterion.get(c);
            row.add(v == null ? "" : v.toString());
        }
        return row;
    }

    static List<String> aggregateHeader(String groupBy) {
        List<String> header = new ArrayList<>(List.of(groupBy, "modelVersion", "count", "meanOverall"));
        for (Criterion c : Criterion.values()) {
            header.add(c.name());
        }
        return header;
    }

    static List<String> aggregateRow(Aggregates.Group g, String modelVersion) {
        List<String> row = new ArrayList<>(List.of(text(g.key()), text(modelVersion), Long.toString(g.count()),
                Double.toString(g.meanOverall())));
        for (Criterion c : Criterion.values()) {
            Double v = g.meanByCriterion().get(c.name());
            row.add(v == null ? "" : v.toString());
        }
        return row;
    }

    static void writeRow(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** Neutralises formula triggers in free text; numbers and enum names never start with one. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first < ' ' ? "'" + value : value;
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
