package dev.voiceagent.mcptools.phonesession;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/** Caller ID: what we know about the trip of the person calling from a number. */
public class PhoneSessionTools {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_SESSION = "no session: we know nothing about this number";

    @Tool(name = "get_phone_session", description = "Get what we know about the current booking of the person "
            + "calling from a phone number: product, destination, hotel, dates, guests and rooms. Says 'no session' "
            + "when we know nothing.")
    @Transactional
    String getPhoneSession(@ToolArg(description = "Phone number in E.164 form, e.g. +14155550100") String phoneNumber) {
        if (phoneNumber == null || !E164.matcher(phoneNumber).matches()) {
            throw new ToolCallException("'" + phoneNumber + "' is not a phone number in E.164 form such as "
                    + "+14155550100; ask the caller for their number with the country code");
        }
        PhoneSession session = PhoneSession.findById(phoneNumber);
        if (session == null) {
            return NO_SESSION;
        }
        return JSON.createObjectNode().put("customerPhoneNumber", session.phoneNumber)
                .put("productName", session.productName).put("destinationCity", session.destinationCity)
                .put("bookingStartDate", session.bookingStartDate).put("bookingEndDate", session.bookingEndDate)
                .put("hotelName", session.hotelName).put("hotelAddress", session.hotelAddress)
                .put("numberOfGuests", session.numberOfGuests).put("numberOfRooms", session.numberOfRooms)
                .toString();
    }
}
