package dev.voiceagent.core.openai;

import com.openai.core.JsonField;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.realtime.RealtimeClientEvent;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a client event the core produced with the official OpenAI Java SDK's Realtime models (com.openai:openai-java,
 * generated from OpenAI's API specification) and reports where it drifts from them: an event type the models do not
 * know, a missing required field, a field the models do not have (the SDK keeps those aside as "additional
 * properties"; the real API refuses them) or an enum value they do not list.
 */
public final class OfficialClientEvents {

    private OfficialClientEvents() {
    }

    /** What is wrong with this client event, as paths with a reason; empty when the models accept all of it. */
    public static List<String> problems(String json) {
        RealtimeClientEvent event;
        try {
            event = ObjectMappers.jsonMapper().readValue(json, RealtimeClientEvent.class);
            event.validate();
        } catch (Exception e) {
            return List.of("event: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        walk(event, "event", problems, new IdentityHashMap<>());
        return problems;
    }

    /** Fails with every problem of this event and the event itself. */
    public static void check(String json) {
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new AssertionError("client event drifts from the official Realtime models " + problems + ": " + json);
        }
    }

    private static void walk(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof JsonField<?> field) {
            field.asKnown().ifPresent(known -> walk(known, path, problems, seen));
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> walk(present, path, problems, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("com.openai.models.")) {
            return;
        }
        unknownProperties(value, path, problems);
        unknownEnumValue(value, path, problems);
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("additionalProperties")) {
                    field.setAccessible(true);
                    try {
                        walk(field.get(value), path + "." + field.getName(), problems, seen);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    private static void unknownProperties(Object model, String path, List<String> problems) {
        invoke(model, "_additionalProperties").ifPresent(extra -> {
            if (!((Map<?, ?>) extra).isEmpty()) {
                problems.add(path + ": fields the API does not have " + ((Map<?, ?>) extra).keySet());
            }
        });
    }

    /** The SDK's enum classes keep unknown values and throw only when asked for the known one. */
    private static void unknownEnumValue(Object model, String path, List<String> problems) {
        try {
            invoke(model, "known");
        } catch (OpenAIInvalidDataException e) {
            problems.add(path + ": " + e.getMessage() + " (" + model + ")");
        }
    }

    private static Optional<Object> invoke(Object target, String name) {
        Method method;
        try {
            method = target.getClass().getMethod(name);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(method.invoke(target));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
