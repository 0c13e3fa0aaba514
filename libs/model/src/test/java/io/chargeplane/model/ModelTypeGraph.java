package io.chargeplane.model;

import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.DeviceCommands;
import io.chargeplane.model.event.DeviceEvents;
import io.chargeplane.model.request.DeviceRequests;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.DevicePresence;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/** Every model class Jackson binds by reflection, found by walking record components from the registries. */
public final class ModelTypeGraph {

    private ModelTypeGraph() {
    }

    public static Set<String> reflectedClassNames() {
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.addAll(DeviceEvents.all().values());
        pending.addAll(DeviceCommands.all().values());
        pending.add(CommandRequest.class);
        pending.add(CommandResult.class);
        for (String name : DeviceRequests.names()) {
            pending.add(DeviceRequests.typeFor(name));
            pending.add(DeviceRequests.replyTypeFor(name));
        }
        pending.add(DevicePresence.class);
        pending.add(AdapterPresence.class);
        pending.add(io.chargeplane.model.session.ChargingSessionChanged.class);
        pending.add(io.chargeplane.model.request.OfflinePolicySetting.class);
        Set<String> found = new TreeSet<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!type.getName().startsWith("io.chargeplane.model.") || !found.add(type.getName())) {
                continue;
            }
            if (type.isSealed()) {
                pending.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    addType(component.getGenericType(), pending);
                }
            }
        }
        return found;
    }

    private static void addType(Type type, Deque<Class<?>> pending) {
        if (type instanceof Class<?> plain) {
            pending.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                addType(argument, pending);
            }
        }
    }

    /** Prints the reflection configuration for the current model, for regenerating the shipped file. */
    public static void main(String[] args) {
        StringBuilder json = new StringBuilder("[\n");
        String separator = "";
        for (String name : reflectedClassNames()) {
            json.append(separator).append("  {\"name\": \"").append(name).append("\", ")
                    .append("\"allDeclaredConstructors\": true, \"allDeclaredMethods\": true, ")
                    .append("\"allDeclaredFields\": true, \"queryAllDeclaredConstructors\": true}");
            separator = ",\n";
        }
        System.out.println(json.append("\n]"));
    }
}
