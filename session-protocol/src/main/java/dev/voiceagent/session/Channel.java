package dev.voiceagent.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a conversation comes from; the core picks the default agent by channel. */
public enum Channel {
    @JsonProperty("phone")
    PHONE,
    @JsonProperty("web")
    WEB
}
