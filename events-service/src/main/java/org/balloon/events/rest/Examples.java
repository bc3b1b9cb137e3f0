package org.balloon.events.rest;

/** Example bodies for the OpenAPI document. */
final class Examples {

    static final String ACTION = """
            {"title":"Coast guard interdicts a semi-submersible off Tumaco","type":"MARITIME_INTERDICTION",\
            "targetCountry":"CO","occurredOn":"2024-05-10","stage":"COMPLETED","leadAgency":"DHS",\
            "agencies":["DHS","DOD"],"theater":"TERRITORIAL_WATERS","targetOrganizations":["Clan del Golfo"],\
            "substances":["COCAINE"],"partnerConsent":"FULL","lethalForce":false,"fatalities":0,\
            "legalBasis":"PARTNER_REQUEST","sources":["https://example.org/report"]}""";

    static final String STORED_ACTION = """
            {"id":"3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11","schemaVersion":1,"receivedAt":"2024-05-11T08:30:00.123Z",\
            "title":"Coast guard interdicts a semi-submersible off Tumaco","type":"MARITIME_INTERDICTION",\
            "targetCountry":"CO","occurredOn":"2024-05-10","theater":"TERRITORIAL_WATERS","partnerConsent":"FULL",\
            "lethalForce":false,"retracted":false}""";

    static final String ACCEPTED = """
            {"id":"3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11","receivedAt":"2024-05-11T08:30:00.123Z"}""";

    static final String NDJSON = """
            {"title":"Kingpin extradited to the US","type":"EXTRADITION","targetCountry":"MX","occurredOn":"2023-09-16"}
            {"title":"Strike on a go-fast boat","type":"MILITARY_STRIKE","targetCountry":"ZZ","occurredOn":"2025-09-02"}
            """;

    static final String JSON_ARRAY = """
            [{"title":"Kingpin extradited to the US","type":"EXTRADITION","targetCountry":"MX","occurredOn":"2023-09-16"},\
            {"title":"Strike on a go-fast boat","type":"MILITARY_STRIKE","targetCountry":"ZZ","occurredOn":"2025-09-02"}]""";

    static final String BATCH_RESULT = """
            {"accepted":1,"rejected":1,"results":[{"index":0,"line":1,"id":"3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11"},\
            {"index":1,"line":2,"problems":[{"field":"targetCountry","message":"must be an existing ISO 3166-1 alpha-2 \
            country code in upper case, e.g. CO"}]}]}""";

    static final String LIST = """
            {"items":[""" + STORED_ACTION + """
            ],"nextPageToken":"MjAyNC0wNS0xMHwyMDI0LTA1LTExVDA4OjMwOjAwLjEyM1p8M2YwZDZmMGV8YWJj"}""";

    static final String RETRACT = """
            {"reason":"duplicate of an earlier report"}""";

    static final String RETRACTED = """
            {"id":"3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11","retractedAt":"2024-05-12T10:00:00Z","alreadyRetracted":false}""";

    static final String INVALID = """
            {"type":"urn:balloon:problem:invalid-request","title":"The request breaks the contract","status":400,\
            "detail":"lethalforce unknown field","instance":"/actions",\
            "errors":[{"field":"lethalforce","message":"unknown field"}]}""";

    static final String MALFORMED = """
            {"type":"urn:balloon:problem:malformed-json","title":"The body is not valid JSON","status":400,\
            "detail":"malformed JSON at line 1, column 16 (offset 15): Unexpected end-of-input","instance":"/actions",\
            "line":1,"column":16,"offset":15}""";

    static final String TOO_LARGE = """
            {"type":"urn:balloon:problem:too-large","title":"Content too large","status":413,\
            "detail":"the body has 2097152 bytes; the limit here is 524288 bytes","instance":"/actions"}""";

    static final String UNSUPPORTED = """
            {"type":"urn:balloon:problem:unsupported-media-type","title":"Unsupported media type","status":415,\
            "detail":"Content-Type 'text/plain' is not accepted here; send application/json","instance":"/actions"}""";

    static final String KEY_REUSED = """
            {"type":"urn:balloon:problem:idempotency-key-reused","title":"Idempotency-Key reused with a different body",\
            "status":422,"detail":"Idempotency-Key 'k-1' was already used with a different body","instance":"/actions"}""";

    static final String NOT_FOUND = """
            {"type":"urn:balloon:problem:not-found","title":"No such action","status":404,\
            "detail":"no action with id 3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11",\
            "instance":"/actions/3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11"}""";

    static final String UNAVAILABLE = """
            {"type":"urn:balloon:problem:database-unavailable","title":"Service temporarily unavailable","status":503,\
            "detail":"the record (PostgreSQL) cannot be reached; nothing was stored or published, retry later",\
            "instance":"/actions"}""";

    private Examples() {
    }
}
