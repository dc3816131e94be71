package dev.voiceagent.testsupport.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An error of Twilio's REST API, as its body reads: {@code {"code", "message", "more_info", "status"}}, the shape
 * the Twilio SDKs parse into their API exceptions.
 *
 * @param status the HTTP status
 * @param code Twilio's error code (https://www.twilio.com/docs/api/errors)
 */
public record RestError(int status, int code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RestError authenticate() {
        return new RestError(401, 20003, "Authenticate");
    }

    static RestError notFound(String path) {
        return new RestError(404, 20404, "The requested resource " + path + " was not found");
    }

    static RestError methodNotAllowed(String method) {
        return new RestError(405, 20004, "Method not allowed: " + method);
    }

    /** Stricter than Twilio, which drops a parameter it does not know: a misspelt one fails the test instead. */
    static RestError unknownParameter(String name) {
        return new RestError(400, 20001, "Unknown parameter: " + name);
    }

    static RestError invalidUrl(String name, String value) {
        return new RestError(400, 21205, name + " is not a valid URL: " + value);
    }

    static RestError invalidMethod(String name, String value) {
        return new RestError(400, 21209, "Invalid " + name + ": " + value + " (GET or POST)");
    }

    static RestError invalidStatusCallbackEvent(String value) {
        return new RestError(400, 21626, "Invalid 'StatusCallbackEvent': " + value);
    }

    static RestError twimlTooLong(int length) {
        return new RestError(400, 32018, "Twiml size exceeded maximum allowed value of 4000 characters: " + length);
    }

    static RestError twimlUnreadable(String problem) {
        return new RestError(400, 12100, "Document parse failure: " + problem);
    }

    static RestError notInProgress() {
        return new RestError(400, 21220, "Call is not in-progress. Cannot redirect.");
    }

    /** A value Twilio refuses for which this fake knows no finer code: Twilio's Calls resource error. */
    static RestError invalidValue(String name, String value) {
        return new RestError(400, 21200, "Invalid " + name + ": " + value);
    }

    String toJson() {
        return JSON.createObjectNode().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).toString();
    }
}
