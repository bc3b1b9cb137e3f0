package org.balloon.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The events service's intake API and audit trail. Bodies go through as raw bytes with the caller's
 * Content-Type, and answers come back as raw responses, so the events service's validation
 * (unknown fields, 415, 413, parse errors) stays the single source of truth.
 */
// the caller's Authorization goes on (org.eclipse.microprofile.rest.client.propagateHeaders)
@RegisterClientHeaders
@RegisterRestClient(configKey = "events")
@Produces(MediaType.WILDCARD)
public interface EventsClient {

    @POST
    @Path("/actions")
    Response submit(@HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("traceparent") String traceparent,
            byte[] body);

    @POST
    @Path("/actions/batch")
    Response submitBatch(@HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("traceparent") String traceparent,
            byte[] body);

    @POST
    @Path("/actions/{id}/retract")
    Response retract(@PathParam("id") String id,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("traceparent") String traceparent,
            byte[] body);

    @GET
    @Path("/actions/{id}")
    Response get(@PathParam("id") String id, @HeaderParam("traceparent") String traceparent);

    @GET
    @Path("/actions")
    Response list(@QueryParam("country") String country,
            @QueryParam("type") String type,
            @QueryParam("organization") String organization,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("pageToken") String pageToken,
            @HeaderParam("traceparent") String traceparent);

    @GET
    @Path("/audit")
    Response audit(@QueryParam("principal") String principal,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("pageToken") String pageToken,
            @HeaderParam("traceparent") String traceparent);
}
