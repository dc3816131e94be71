package dev.voiceagent.telephony.twilio;

/** Phone numbers are personal data: logs show only enough to tell calls apart. */
public final class CallerIds {

    private CallerIds() {
    }

    /** {@code +14155550100} becomes {@code +1415*****00}. */
    public static String mask(String number) {
        if (number == null || number.length() < 7) {
            return "unknown";
        }
        return number.substring(0, 5) + "*".repeat(number.length() - 7) + number.substring(number.length() - 2);
    }
}
