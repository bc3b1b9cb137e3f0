package org.balloon.gateway.rest;

import jakarta.ws.rs.core.Application;
import org.balloon.contracts.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public API document's frame: info, tags and the problem responses the operations refer to. */
@OpenAPIDefinition(
        info = @Info(title = "Balloon gateway", version = "1.0.0",
                description = "Balloon's public API: submit counter-narcotics policy actions, read their explained "
                        + "scores (higher = more likely to fail the way the article says such actions fail), compare "
                        + "groups, and follow new scores live over Server-Sent Events. Errors are RFC 9457 "
                        + "application/problem+json.",
                contact = @Contact(name = "Balloon team"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
                @Tag(name = "actions", description = "Submit, retract and look up policy actions"),
                @Tag(name = "scores", description = "Stored scores, aggregates and the live score stream"),
                @Tag(name = "model", description = "The scoring model and score previews")
        },
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", description = "A parameter or the body is invalid; `errors` names it",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "badParameter", value = """
                                        {"type":"urn:balloon:problem:bad-parameter","title":"Bad parameter","status":400,
                                         "detail":"groupBy must be one of country, organization, type, agency, month",
                                         "instance":"/api/aggregates",
                                         "errors":[{"field":"groupBy","message":"groupBy must be one of country, organization, type, agency, month"}]}"""))),
                @APIResponse(name = "NotFound", description = "No such action or score",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "notFound", value = """
                                        {"type":"urn:balloon:problem:not-found","title":"Not found","status":404,
                                         "detail":"no score for action 3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11","instance":"/api/scores/3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11"}"""))),
                @APIResponse(name = "Unavailable", description = "An upstream service (or the score store) is not answering; retry after the given seconds",
                        headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "unavailable", value = """
                                        {"type":"urn:balloon:problem:upstream-unavailable","title":"Service unavailable","status":503,
                                         "detail":"events-service is not answering; try again shortly","instance":"/api/actions"}""")))
        }))
public class GatewayApi extends Application {
}
