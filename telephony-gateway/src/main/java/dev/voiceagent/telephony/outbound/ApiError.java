package dev.voiceagent.telephony.outbound;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every refusal of {@code /v1/calls}: a code a program can test and a sentence a person can act on. */
@Schema(name = "Error")
public record ApiError(
        @Schema(description = "bad_request, unauthorized, not_found, unavailable, twilio_refused or "
                + "twilio_unavailable") String error,
        @Schema(description = "What is wrong, and with which property") String message) {

    Response as(int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(this).build();
    }
}
