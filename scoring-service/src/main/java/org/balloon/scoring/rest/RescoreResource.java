package org.balloon.scoring.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.balloon.scoring.messaging.RescoreJobs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/admin/rescore")
@Tag(name = "admin", description = "Operator actions")
@Produces(MediaType.APPLICATION_JSON)
public class RescoreResource {

    private final RescoreJobs jobs;

    public RescoreResource(RescoreJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @Operation(summary = "Re-score the whole history under the current model",
            description = "Replays the actions topic from the beginning under a new consumer group of its own and publishes a "
                    + "fresh score (current modelVersion) for every action that is not retracted. Answers at once with the job; "
                    + "follow it at the Location.")
    @APIResponse(responseCode = "202", description = "the job, queued")
    public RestResponse<RescoreJobs.Status> start(UriInfo uri) {
        RescoreJobs.Status status = jobs.start();
        URI location = uri.getAbsolutePathBuilder().path(status.jobId().toString()).build();
        return RestResponse.ResponseBuilder.accepted(status).location(location).build();
    }

    @GET
    @Operation(summary = "Re-score jobs of this instance, newest first")
    public List<RescoreJobs.Status> all() {
        return jobs.all();
    }

    @GET
    @Path("{jobId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "A re-score job's progress")
    @APIResponse(responseCode = "200", description = "the job's state and counts")
    @APIResponse(responseCode = "404", description = "no such job on this instance")
    public Response status(@PathParam("jobId") UUID jobId, UriInfo uri) {
        return jobs.status(jobId).map(s -> Response.ok(s).build())
                .orElseGet(() -> Response.status(404).type(Problem.MEDIA_TYPE)
                        .entity(new Problem("https://balloon.dev/problems/not-found", "No such re-score job", 404,
                                "job " + jobId + " is not known to this instance (jobs are kept in memory)", uri.getPath(), null))
                        .build());
    }
}
