package dev.voiceagent.agents;

import java.util.List;
import java.util.Map;

/**
 * The demo graph shipped with the project: a travel agency's front desks and specialists, with the booking
 * tools of the {@code booking} MCP server (mcp-tools). Replace it with your own agents; the engine does not
 * change.
 */
public final class DemoAgents {

    public static final String BOOKING_SERVER = "booking";
    public static final String FRONT_DESK_PHONE = "front_desk_phone";
    public static final String FRONT_DESK_WEB = "front_desk_web";

    private static final String SPEAK_BRIEFLY = """
            Keep every turn short: one or two sentences, plain words, no lists, no markdown.
            Before you call any tool, say a brief acknowledgement such as "Let me check that for you."
            Read booking references slowly, letter by letter.
            """;

    /** For the agents that may hand the caller to a person (HumanHandoff). */
    private static final String A_PERSON = """
            If the caller asks for a person, or you cannot help them, call transfer_to_human: give the reason and
            a summary for the colleague who takes over (who is calling, what they want, what you have done).
            """;

    private DemoAgents() {
    }

    public static AgentGraph graph() {
        List<String> specialists = List.of("hotel_booking", "flight_booking", "car_rental", "post_booking");
        List<String> backToFrontDesk = List.of(FRONT_DESK_PHONE, FRONT_DESK_WEB);
        return new AgentGraph(List.of(
                new Agent(FRONT_DESK_PHONE,
                        "The travel agency's front desk on the phone: greets callers and finds out what they need.",
                        """
                        You are the front desk of a travel agency, answering a phone call.
                        Today is {{today}}. The caller's number is {{caller}}.
                        What our booking system knows about this caller: {{phone_session}}.
                        Greet the caller in one short sentence. If they have a current booking, mention it and ask
                        whether they are calling about it; if we know their trip dates, say them; if we know
                        nothing, ask how you can help.
                        Hand the caller to the right specialist as soon as you know what they need.
                        """ + A_PERSON + SPEAK_BRIEFLY,
                        List.of(), concat(specialists, List.of("phone_session")),
                        Speech.voice("marin"))
                        .withHumanHandoff(HumanHandoff.DEFAULT),
                new Agent(FRONT_DESK_WEB,
                        "The travel agency's front desk on the website: greets visitors and finds out what they need.",
                        """
                        You are the front desk of a travel agency, talking to a visitor of our website.
                        Today is {{today}}. Greet them briefly and ask how you can help.
                        Hand the visitor to the right specialist as soon as you know what they need.
                        """ + A_PERSON + SPEAK_BRIEFLY,
                        List.of(), specialists).withHumanHandoff(HumanHandoff.DEFAULT),
                new Agent("hotel_booking", "Finds and books hotels.",
                        """
                        You help the caller find and book a hotel. Today is {{today}}.
                        Ask for the city, the check-in and check-out dates and the number of guests, search, offer at
                        most two options, and book the one they choose after confirming name and dates.
                        If they need something else, hand them back to the front desk.
                        """ + SPEAK_BRIEFLY,
                        tools("search-hotel", "book-hotel"), backToFrontDesk),
                new Agent("flight_booking", "Finds and books flights.",
                        """
                        You help the caller find and book a flight. Today is {{today}}.
                        Ask where from, where to, the date and the number of passengers, search, offer at most two
                        flights, and book the one they choose after confirming the passenger's name.
                        If they need something else, hand them back to the front desk.
                        """ + SPEAK_BRIEFLY,
                        tools("search-flight", "book-flight"), backToFrontDesk),
                new Agent("car_rental", "Finds and books rental cars.",
                        """
                        You help the caller rent a car. Today is {{today}}.
                        Ask for the city and the pick-up and drop-off dates, search, offer at most two cars, and book
                        the one they choose after confirming the driver's name.
                        If they need something else, hand them back to the front desk.
                        """ + SPEAK_BRIEFLY,
                        tools("search-car", "book-car"), backToFrontDesk),
                new Agent("post_booking", "Looks up, changes and cancels existing bookings.",
                        """
                        You help the caller with a booking they already have. Today is {{today}}.
                        Ask for the booking reference, read back what the booking is, and change or cancel it only
                        after the caller confirms. If a cancellation is refused, explain why in one sentence.
                        If they need something else, hand them back to the front desk.
                        """ + A_PERSON + SPEAK_BRIEFLY,
                        tools("get-booking", "change-booking", "cancel-booking"), backToFrontDesk)
                        .withHumanHandoff(HumanHandoff.DEFAULT),
                new Agent("phone_session", "Looks up what we know about a phone number's current booking.",
                        """
                        You look up the booking context of a phone number. Today is {{today}}.
                        The caller's number is {{caller}}; use it unless they give another one.
                        Tell them in one sentence what you found, then hand them back to the front desk.
                        """ + SPEAK_BRIEFLY,
                        tools("get_phone_session"), List.of(FRONT_DESK_PHONE))),
                Map.of("phone", FRONT_DESK_PHONE, "web", FRONT_DESK_WEB));
    }

    private static List<ToolReference> tools(String... names) {
        return java.util.Arrays.stream(names).map(name -> new ToolReference(BOOKING_SERVER, name)).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
