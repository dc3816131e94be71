package dev.voiceagent.telephony.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code /v1/calls} answers about a call. */
@Schema(name = "Call")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(
        @Schema(description = "Twilio's call SID", example = "CA0123456789abcdef0123456789abcdef") String sid,
        @Schema(description = "Twilio's CallStatus: queued, initiated, ringing, in-progress, completed, busy, "
                + "no-answer, failed or canceled") String status,
        @Schema(description = "The answering-machine verdict (human, machine_end_beep, machine_end_silence, "
                + "machine_end_other, fax, unknown), when detection was asked for and has answered") String answeredBy,
        @Schema(description = "Seconds the call lasted, once completed") String duration,
        @Schema(description = "When this gateway last heard of the call (ISO-8601); absent when read from Twilio")
        String updatedAt) {

    static CallView of(CallLog.Entry entry) {
        return new CallView(entry.sid(), entry.status(), entry.answeredBy(), entry.duration(),
                entry.updatedAt().toString());
    }
}
