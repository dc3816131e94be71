package dev.voiceagent.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who said the words of a transcript. */
public enum Role {
    @JsonProperty("user")
    USER,
    @JsonProperty("assistant")
    ASSISTANT
}
