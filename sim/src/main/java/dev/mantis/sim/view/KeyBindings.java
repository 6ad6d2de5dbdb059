package dev.mantis.sim.view;

import com.jme3.input.KeyInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which key does which {@link ViewAction}: jME key codes ({@link KeyInput}) with the names shown
 * in the viewer's help line.
 *
 * @param actions action per key code, in help-line order
 * @param names key name per key code
 */
public record KeyBindings(Map<Integer, ViewAction> actions, Map<Integer, String> names) {

    public KeyBindings {
        if (!actions.keySet().equals(names.keySet())) {
            throw new IllegalArgumentException("every bound key needs a name and every name a binding");
        }
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** The viewer's keys: space, period, arrows, R, minus and plus (also on the keypad), C, Q. */
    public static KeyBindings defaults() {
        Map<Integer, ViewAction> a = new LinkedHashMap<>();
        Map<Integer, String> n = new LinkedHashMap<>();
        bind(a, n, KeyInput.KEY_SPACE, "space", ViewAction.PAUSE);
        bind(a, n, KeyInput.KEY_PERIOD, ".", ViewAction.STEP);
        bind(a, n, KeyInput.KEY_RIGHT, "right", ViewAction.STEP);
        bind(a, n, KeyInput.KEY_LEFT, "left", ViewAction.BACK);
        bind(a, n, KeyInput.KEY_DOWN, "down", ViewAction.BACK_10);
        bind(a, n, KeyInput.KEY_UP, "up", ViewAction.FORWARD_10);
        bind(a, n, KeyInput.KEY_R, "r", ViewAction.RESET);
        bind(a, n, KeyInput.KEY_MINUS, "-", ViewAction.SLOWER);
        bind(a, n, KeyInput.KEY_SUBTRACT, "keypad -", ViewAction.SLOWER);
        bind(a, n, KeyInput.KEY_EQUALS, "+", ViewAction.FASTER);
        bind(a, n, KeyInput.KEY_ADD, "keypad +", ViewAction.FASTER);
        bind(a, n, KeyInput.KEY_C, "c", ViewAction.HOME_CAMERA);
        bind(a, n, KeyInput.KEY_Q, "q", ViewAction.QUIT);
        return new KeyBindings(a, n);
    }

    private static void bind(Map<Integer, ViewAction> a, Map<Integer, String> n, int key, String name,
            ViewAction action) {
        if (a.put(key, action) != null) {
            throw new IllegalArgumentException("key " + name + " is bound twice");
        }
        n.put(key, name);
    }

    /** The action of key {@code keyCode}, if it has one. */
    public Optional<ViewAction> action(int keyCode) {
        return Optional.ofNullable(actions.get(keyCode));
    }

    /**
     * The help line: each action once with its first key, in binding order, e.g.
     * "space pause  . step  left back ...".
     */
    public String help() {
        Map<ViewAction, String> first = new LinkedHashMap<>();
        actions.forEach((key, action) -> first.putIfAbsent(action, names.get(key)));
        StringBuilder s = new StringBuilder();
        first.forEach((action, key) -> s.append(s.length() == 0 ? "" : "  ").append(key).append(' ')
                .append(action.label()));
        return s.toString();
    }
}
