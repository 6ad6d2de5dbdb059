package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.assets.BundledTasks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Task files parse into specs; bad ones give one line naming file, line and problem. */
class TaskSpecReaderTest {

    @Test
    void pickPlaceParsesItsObjectAndGoal() {
        TaskSpec t = TaskSpecReader.read(BundledTasks.yaml("pick_place").orElseThrow(), "pick_place.yaml");
        assertEquals("pick_place", t.id());
        assertEquals(200, t.horizon());
        assertEquals(0.02, t.object("cube").restHeight(), 1e-12);
        Goal.Place goal = (Goal.Place) t.goal();
        assertEquals("cube", goal.object());
        assertEquals(0.1, goal.minDistance(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not yaml|id: [unclosed|t.yaml:1: not YAML: expected ',' or ']', but got <stream end>; fix the syntax",
        "unknown key|id: a\\nrobot: panda\\nhorizon: 5\\ncolour: red\\ngoal: {type: reach, x: 0, y: 0, z: 0.1, tolerance: 0.01}"
            + "|t.yaml:4: unknown key 'colour'; expected one of id, instruction, robot, controller, horizon, objects, goal",
        "missing goal|id: a\\nrobot: panda\\nhorizon: 5|t.yaml:1: missing key 'goal'",
        "bad horizon|id: a\\nrobot: panda\\nhorizon: ten\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:3: horizon: 'ten' is not a whole number",
        "bad shape|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:\\n  - {name: c, shape: cone, size: 1, mass: 1, x: 0, y: 0}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: objects[0].shape: unknown shape 'cone'; use box, cylinder or sphere",
        "unknown object|id: a\\nrobot: panda\\nhorizon: 5\\ngoal: {type: place, object: cube, x: 0, y: 0, tolerance: 1}"
            + "|t.yaml:4: goal.object: names no object 'cube'; declared: []",
        "negative mass|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:\\n  - {name: c, shape: sphere, size: 0.02, mass: -1, x: 0, y: 0}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}|t.yaml:5: objects[0].mass: -1.0 must be > 0"})
    void badFilesNameFileLineAndProblem(String what, String yaml, String message) {
        var e = assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(yaml.replace("\\n", "\n"), "t.yaml"));
        assertEquals(message, e.getMessage(), what);
    }
}
