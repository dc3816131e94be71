package dev.voiceagent.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The body of POST /v1/calls: what is accepted, and each mistake named with its property. */
class CallRequestCheckTest {

    record Machine(String message, int maxMessageChars, Optional<String> voice)
            implements OutboundConfig.AnsweringMachine {
    }

    private final CallRequestCheck check = new CallRequestCheck(List.of("front_desk_phone", "post_booking"),
            Optional.of(List.of("+18005550199")), 64, new Machine("Default message.", 20, Optional.empty()));

    private OutboundCall valid(String body) {
        CallRequestCheck.Result result = check.check(body);
        assertThat(result).isInstanceOf(CallRequestCheck.Valid.class);
        return ((CallRequestCheck.Valid) result).call();
    }

    @Test
    void theSmallestRequestCallsWithTheFirstAgentAndNoDetection() {
        OutboundCall call = valid("{\"to\":\"+14155550100\",\"from\":\"+18005550199\"}");
        assertThat(call).isEqualTo(new OutboundCall("+14155550100", "+18005550199", "front_desk_phone", null,
                Optional.empty()));
    }

    @Test
    void anObjectContextReachesTheAgentAsCompactJsonAndTextAsItIs() {
        assertThat(valid("""
                {"to":"+14155550100","from":"+18005550199","agent":"post_booking",
                 "context": { "name": "Jane",  "purpose": "booking" }}""").context())
                .isEqualTo("{\"name\":\"Jane\",\"purpose\":\"booking\"}");
        assertThat(valid("{\"to\":\"+14155550100\",\"from\":\"+18005550199\",\"context\":\"Call Jane\"}").context())
                .isEqualTo("Call Jane");
    }

    @Test
    void answeringMachineDetectionDefaultsToLeavingTheConfiguredMessage() {
        assertThat(valid("{\"to\":\"+14155550100\",\"from\":\"+18005550199\",\"answeringMachine\":{}}").machine())
                .contains(new OutboundCall.OnMachine("leave_message", "Default message."));
        assertThat(valid("""
                {"to":"+14155550100","from":"+18005550199","answeringMachine":{"action":"hang_up"}}""").machine())
                .hasValueSatisfying(onMachine -> assertThat(onMachine.action()).isEqualTo("hang_up"));
        assertThat(valid("""
                {"to":"+14155550100","from":"+18005550199","answeringMachine":{"message":"Call us back."}}""")
                .machine()).contains(new OutboundCall.OnMachine("leave_message", "Call us back."));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            not json                                                                    | body             | not JSON
            [1,2]                                                                       | body             | a JSON object is required
            {"to":"+14155550100","from":"+18005550199","contxt":"x"}                    | body             | unknown property 'contxt'
            {"from":"+18005550199"}                                                     | to               | 'to' must be a phone number in E.164 form
            {"to":"4155550100","from":"+18005550199"}                                   | to               | 'to' must be a phone number in E.164 form
            {"to":"+14155550100","from":18005550199}                                    | from             | 'from' must be a phone number in E.164 form
            {"to":"+14155550100","from":"+18005550100"}                                 | from             | 'from' must be one of this gateway's numbers
            {"to":"+14155550100","from":"+18005550199","agent":"hotel_booking"}         | agent            | unknown agent "hotel_booking"; calls are placed for [front_desk_phone, post_booking]
            {"to":"+14155550100","from":"+18005550199","context":[1]}                   | context          | 'context' must be a string or a JSON object
            {"to":"+14155550100","from":"+18005550199","context":"ééééééééééééééééééééééééééééééééé"} | context | 'context' is over 64 bytes (UTF-8)
            {"to":"+14155550100","from":"+18005550199","answeringMachine":true}         | answeringMachine | 'answeringMachine' must be an object
            {"to":"+14155550100","from":"+18005550199","answeringMachine":{"action":"wait"}} | answeringMachine | 'answeringMachine.action' must be leave_message or hang_up
            {"to":"+14155550100","from":"+18005550199","answeringMachine":{"message":"012345678901234567890"}} | answeringMachine | 'answeringMachine.message' must be text of 1 to 20 characters
            {"to":"+14155550100","from":"+18005550199","answeringMachine":{"beep":1}}   | answeringMachine | unknown property 'answeringMachine.beep'
            """)
    void eachMistakeIsNamed(String body, String field, String message) {
        CallRequestCheck.Result result = check.check(body);
        assertThat(result).isInstanceOf(CallRequestCheck.Invalid.class);
        CallRequestCheck.Invalid invalid = (CallRequestCheck.Invalid) result;
        assertThat(invalid.field()).isEqualTo(field);
        assertThat(invalid.message()).startsWith(message);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        String body = "{\"to\":\"+14155550100\",\"from\":\"+18005550199\",\"context\":\""
                + "x".repeat(CallRequestCheck.MAX_BODY_CHARS) + "\"}";
        assertThat(check.check(body)).isEqualTo(new CallRequestCheck.Invalid("body", "the request is over "
                + CallRequestCheck.MAX_BODY_CHARS + " characters"));
        assertThat(check.check("")).isEqualTo(new CallRequestCheck.Invalid("body", "a JSON object is required"));
    }
}
