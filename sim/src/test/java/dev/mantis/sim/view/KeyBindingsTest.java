package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jme3.input.KeyInput;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The viewer's keys, without a window. */
class KeyBindingsTest {

    @Test
    void everyActionHasAKey() {
        KeyBindings keys = KeyBindings.defaults();
        assertEquals(EnumSet.allOf(ViewAction.class), EnumSet.copyOf(keys.actions().values()));
    }

    @Test
    void keysMapToTheirActions() {
        KeyBindings keys = KeyBindings.defaults();
        assertEquals(Optional.of(ViewAction.PAUSE), keys.action(KeyInput.KEY_SPACE));
        assertEquals(Optional.of(ViewAction.STEP), keys.action(KeyInput.KEY_PERIOD));
        assertEquals(Optional.of(ViewAction.RESET), keys.action(KeyInput.KEY_R));
        assertEquals(Optional.of(ViewAction.SLOWER), keys.action(KeyInput.KEY_MINUS));
        assertEquals(Optional.of(ViewAction.FASTER), keys.action(KeyInput.KEY_ADD));
        assertEquals(Optional.of(ViewAction.BACK), keys.action(KeyInput.KEY_LEFT));
        assertEquals(Optional.empty(), keys.action(KeyInput.KEY_Z));
    }

    @Test
    void helpNamesEachActionOnceWithItsFirstKey() {
        String help = KeyBindings.defaults().help();
        assertTrue(help.startsWith("space pause  . step  left back  down back 10  up fwd 10  r reset  - slower  "
                + "+ faster  c camera home  q quit"), help);
        assertEquals(-1, help.indexOf("keypad"), "second keys of an action are not in the help line: " + help);
    }

    @Test
    void namesMustMatchBindings() {
        var e = assertThrows(IllegalArgumentException.class, () -> new KeyBindings(
                Map.of(KeyInput.KEY_A, ViewAction.PAUSE), Map.of(KeyInput.KEY_B, "b")));
        assertEquals("every bound key needs a name and every name a binding", e.getMessage());
    }
}
