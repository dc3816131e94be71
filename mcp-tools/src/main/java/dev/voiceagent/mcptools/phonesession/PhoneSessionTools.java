package dev.voiceagent.mcptools.phonesession;

import dev.voiceagent.mcptools.structured.Answers;
import dev.voiceagent.mcptools.structured.OutputSchemas;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/** Caller ID: what we know about the trip of the person calling from a number. A read of our own records. */
public class PhoneSessionTools {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final String NO_SESSION = "no session: we know nothing about this number";

    private final Answers answers;

    public PhoneSessionTools(Answers answers) {
        this.answers = answers;
    }

    @Tool(name = "get_phone_session", title = "Look up a caller's trip", description = "Get what we know about the "
            + "current booking of the person calling from a phone number: product, destination, hotel, dates, guests "
            + "and rooms. Says 'no session' when we know nothing.",
            annotations = @Tool.Annotations(title = "Look up a caller's trip", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @Tool.OutputSchema(from = CallerTrip.class, generator = OutputSchemas.class))
    @Transactional
    ToolResponse getPhoneSession(
            @ToolArg(description = "Phone number in E.164 form, e.g. +14155550100") String phoneNumber) {
        if (phoneNumber == null || !E164.matcher(phoneNumber).matches()) {
            throw new ToolCallException("'" + phoneNumber + "' is not a phone number in E.164 form such as "
                    + "+14155550100; ask the caller for their number with the country code");
        }
        PhoneSession session = PhoneSession.findById(phoneNumber);
        return session == null ? answers.of(CallerTrip.unknown(phoneNumber), NO_SESSION)
                : answers.of(CallerTrip.of(session));
    }
}
