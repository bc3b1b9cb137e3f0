package org.balloon.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The scoring service's model, preview and compare endpoints, forwarded as raw requests and responses. */
// the caller's Authorization goes on (org.eclipse.microprofile.rest.client.propagateHeaders)
@RegisterClientHeaders
@RegisterRestClient(configKey = "scoring")
@Produces(MediaType.WILDCARD)
public interface ScoringClient {

    @GET
    @Path("/model")
    Response model(@HeaderParam("traceparent") String traceparent, @QueryParam("version") String version);

    @POST
    @Path("/score-preview")
    Response preview(@HeaderParam("Content-Type") String contentType,
            @HeaderParam("traceparent") String traceparent,
            byte[] body);

    @POST
    @Path("/score-compare")
    Response compare(@HeaderParam("Content-Type") String contentType,
            @HeaderParam("traceparent") String traceparent,
            byte[] body);
}
