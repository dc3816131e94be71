package dev.voiceagent.telephony.core;

import java.util.Optional;

/** What a call the AI cannot answer is told, as tests configure it. */
public record UnavailableSettings(String message, String dialMessage, Optional<String> voice,
        Optional<String> fallbackNumber) implements CoreLinkConfig.Unavailable {
}
