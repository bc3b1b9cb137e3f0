package org.balloon.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import org.balloon.scoring.service.ScoringService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.balloon.access.Roles;
import org.balloon.contracts.problem.Problem;
import org.balloon.scoring.messaging.RescoreJobs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/rescore")
@Tag(name = "admin", description = "Operator actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RescoreResource {

    /** Check-then-start must be one step, or two simultaneous requests would both start a job. */
    private static final Object START = new Object();

    private final RescoreJobs jobs;

    private final ScoringService scoring;

    public RescoreResource(RescoreJobs jobs, ScoringService scoring) {
        this.jobs = jobs;
        this.scoring = scoring;
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Re-score the whole history under the current model",
            description = "Replays the actions topic from the beginning under a new consumer group of its own and publishes a "
                    + "fresh score (current modelVersion) for every action that is not retracted. Answers at once with the job; "
                    + "follow it at the Location. One job runs at a time on an instance: while one is queued or running, "
                    + "another request is refused with 409 and the running job's id.")
    @APIResponse(responseCode = "202", description = "the job, queued")
    @APIResponse(responseCode = "409", description = "a job is already queued or running; its id is in jobId and Location",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "running", value = """
                            {"type":"urn:balloon:problem:rescore-running","title":"A re-score job is already running",
                             "status":409,"detail":"job 0b1c3a52-3e0b-4a51-9a43-3c2f0b0e8d11 is RUNNING; wait for it to finish",
                             "instance":"/admin/rescore","jobId":"0b1c3a52-3e0b-4a51-9a43-3c2f0b0e8d11"}""")))
    public Response start(UriInfo uri) {
        if (scoring.historyAware()) {
            // a job scores every action alone; under history the stream keeps every score current itself (issue 14)
            return Response.status(409).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of("history-rescores-itself", "History-aware scoring keeps its scores current", 409,
                            "the stream re-scores the later actions whenever an action arrives or is retracted, and the whole record "
                                    + "at start; restart the scoring-service to re-score under a new model", uri.getPath()))
                    .build();
        }
        synchronized (START) {
            Optional<RescoreJobs.Status> running = jobs.all().stream()
                    .filter(s -> s.state() == RescoreJobs.State.QUEUED || s.state() == RescoreJobs.State.RUNNING).findFirst();
            if (running.isPresent()) {
                RescoreJobs.Status job = running.get();
                return Response.status(409).type(Problem.MEDIA_TYPE)
                        .location(uri.getAbsolutePathBuilder().path(job.jobId().toString()).build())
                        .entity(new RunningJob("urn:balloon:problem:rescore-running", "A re-score job is already running", 409,
                                "job " + job.jobId() + " is " + job.state() + "; wait for it to finish", uri.getPath(),
                                job.jobId()))
                        .build();
            }
            RescoreJobs.Status status = jobs.start();
            URI location = uri.getAbsolutePathBuilder().path(status.jobId().toString()).build();
            return Response.accepted(status).location(location).build();
        }
    }

    /** The 409 problem, with the id of the job that holds the slot. */
    public record RunningJob(String type, String title, int status, String detail, String instance, UUID jobId) {
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
                        .entity(Problem.of("not-found", "No such re-score job", 404,
                                "job " + jobId + " is not known to this instance (jobs are kept in memory)", uri.getPath()))
                        .build());
    }
}
