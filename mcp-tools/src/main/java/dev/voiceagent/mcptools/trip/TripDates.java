package dev.voiceagent.mcptools.trip;

import io.quarkiverse.mcp.server.ToolCallException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A stay or a rental: from one day to a later one, not in the past. Invalid dates become tool errors written
 * for the model, telling it what to ask the caller.
 */
public record TripDates(LocalDate start, LocalDate end) {

    public static TripDates of(String start, String end, String startName, String endName, LocalDate today) {
        LocalDate from = date(start, startName);
        LocalDate to = date(end, endName);
        if (from.isBefore(today)) {
            throw new ToolCallException(startName + " " + from + " is in the past (today is " + today
                    + "); ask the caller for a future date");
        }
        if (!to.isAfter(from)) {
            throw new ToolCallException(endName + " must be after " + startName + "; ask the caller to confirm both dates");
        }
        return new TripDates(from, to);
    }

    public static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new ToolCallException(name + " '" + value + "' is not a date in the form YYYY-MM-DD; ask the caller "
                    + "for the date again");
        }
    }

    public long nights() {
        return end.toEpochDay() - start.toEpochDay();
    }
}
