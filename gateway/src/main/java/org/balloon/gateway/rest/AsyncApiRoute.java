package org.balloon.gateway.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.balloon.contracts.AsyncApiDocument;

/**
 * Serves the AsyncAPI document of the topics next to the OpenAPI document: {@code /q/asyncapi}
 * (YAML; {@code ?format=json} or {@code Accept: application/json} for JSON), the JSON Schemas of
 * {@code contracts} inlined. Like {@code /q/openapi}, it needs a token in production (see
 * application.properties).
 */
@ApplicationScoped
public class AsyncApiRoute {

    static final String PATH = "/q/asyncapi";

    void register(@Observes Router router) {
        // built once: the document is part of the jar
        String yaml = AsyncApiDocument.bundledYaml();
        String json = AsyncApiDocument.bundledJson();
        router.get(PATH).handler(rc -> {
            String format = rc.request().getParam("format");
            String accept = rc.request().getHeader("Accept");
            boolean asJson = "json".equalsIgnoreCase(format)
                    || (format == null && accept != null && accept.contains("application/json") && !accept.contains("yaml"));
            rc.response()
                    .putHeader("Content-Type", asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(asJson ? json : yaml);
        });
    }
}
