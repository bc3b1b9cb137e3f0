package org.balloon.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.balloon.contracts.problem.Problem;

/** Builds {@code application/problem+json} responses (serialised here, so any resource's Produces fits). */
public final class Problems {

    private Problems() {
    }

    public static Response.ResponseBuilder builder(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        Problem problem = Problem.of(slug, title, status, detail, instance).withErrors(errors);
        try {
            byte[] body = Arc.container().instance(ObjectMapper.class).get().writeValueAsBytes(problem);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
    }

    public static Response of(int status, String slug, String title, String detail, String instance) {
        return builder(status, slug, title, detail, instance, null).build();
    }
}
