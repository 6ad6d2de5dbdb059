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
            + "|t.yaml:4: unknown key 'colour'; expected one of id, instruction, robot, controller, horizon, objects, fixtures, articulated, goal, cameras",
        "missing goal|id: a\\nrobot: panda\\nhorizon: 5|t.yaml:1: missing key 'goal'",
        "bad horizon|id: a\\nrobot: panda\\nhorizon: ten\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:3: horizon: 'ten' is not a whole number",
        "bad shape|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:\\n  - {name: c, shape: cone, size: 1, mass: 1, x: 0, y: 0}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: objects[0].shape: unknown shape 'cone'; use box, cylinder, prism (with sides) or sphere",
        "prism of two sides|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:\\n  - {name: c, shape: prism, sides: 2, size: [0.03, 0.1], mass: 1, x: 0, y: 0}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: objects[0].sides: a prism has a whole number of sides from 3 to 64, got 2",
        "unknown object|id: a\\nrobot: panda\\nhorizon: 5\\ngoal: {type: place, object: cube, x: 0, y: 0, tolerance: 1}"
            + "|t.yaml:4: goal.object: names no object 'cube'; declared: []",
        "negative mass|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:\\n  - {name: c, shape: sphere, size: 0.02, mass: -1, x: 0, y: 0}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}|t.yaml:5: objects[0].mass: -1.0 must be > 0",
        "fixture without parts|id: a\\nrobot: panda\\nhorizon: 5\\nfixtures:"
            + "\\n  - {name: f, x: 0, y: 0, parts: []}\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: fixtures[0].parts: a fixture needs at least one part (a box or a cylinder)",
        "negative part size|id: a\\nrobot: panda\\nhorizon: 5\\nfixtures:\\n  - name: f\\n    x: 0"
            + "\\n    y: 0\\n    parts:\\n      - {shape: box, size: [0.1, -0.01, 0.02], offset: [0, 0, 0.01]}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:9: fixtures[0].parts[0].size: -0.01 must be > 0",
        "part under the table|id: a\\nrobot: panda\\nhorizon: 5\\nfixtures:"
            + "\\n  - {name: f, x: 0, y: 0, parts: [{shape: cylinder, size: [0.02, 0.04], offset: [0, 0, 0.01]}]}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: fixtures[0].parts[0].offset: the part reaches 0.01 m below the table top; raise its z to at least 0.02",
        "sphere part|id: a\\nrobot: panda\\nhorizon: 5\\nfixtures:"
            + "\\n  - {name: f, x: 0, y: 0, parts: [{shape: sphere, size: 0.02, offset: [0, 0, 0.02]}]}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: fixtures[0].parts[0].shape: a fixture part is a box or a cylinder, not a sphere",
        "object on nothing|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:"
            + "\\n  - {name: c, shape: box, size: [0.04, 0.04, 0.04], mass: 0.1, x: 0, y: 0, on: shelf}"
            + "\\ngoal: {type: reach, x: 0, y: 0, z: 0, tolerance: 1}"
            + "|t.yaml:5: objects[0].on: names no fixture nor earlier object 'shelf'; declare what it rests on first",
        "unknown fixture|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:"
            + "\\n  - {name: c, shape: box, size: [0.04, 0.04, 0.04], mass: 0.1, x: 0, y: 0}"
            + "\\ngoal: {type: into, object: c, fixture: bowl, tolerance: [0.01, 0.01]}"
            + "|t.yaml:6: goal.fixture: names no fixture 'bowl'; declared: []",
        "yaw of a round object|id: a\\nrobot: panda\\nhorizon: 5\\nobjects:"
            + "\\n  - {name: p, shape: cylinder, size: [0.02, 0.08], mass: 0.1, x: 0, y: 0}\\nfixtures:"
            + "\\n  - {name: f, x: 0, y: 0, parts: [{shape: box, size: [0.1, 0.1, 0.01], offset: [0, 0, 0.005]}]}"
            + "\\ngoal: {type: into, object: p, fixture: f, tolerance: [0.01, 0.01], yaw_tolerance: 0.1}"
            + "|t.yaml:8: goal.yaw_tolerance: 'p' is round: its yaw does not matter; drop yaw_tolerance",
        "hanoi disks not largest first|id: a\\nrobot: panda\\nhorizon: 5\\nfixtures:"
            + "\\n  - {name: f, x: 0, y: 0, parts: [{shape: box, size: [0.3, 0.1, 0.01], offset: [0, 0, 0.005]}]}"
            + "\\nobjects:"
            + "\\n  - {name: small, shape: cylinder, size: [0.02, 0.03], mass: 0.1, x: -0.1, y: 0, on: f}"
            + "\\n  - {name: large, shape: cylinder, size: [0.03, 0.03], mass: 0.1, x: 0, y: 0, on: small}"
            + "\\ngoal: {type: hanoi, fixture: f, disks: [small, large], positions: [[-0.1, 0], [0, 0], [0.1, 0]], tolerance: 0.01}"
            + "|t.yaml:9: goal.disks: disk 'large' is not smaller than the one before; list the disks largest first"})
    void badFilesNameFileLineAndProblem(String what, String yaml, String message) {
        var e = assertThrows(TaskSpecException.class, () -> TaskSpecReader.read(yaml.replace("\\n", "\n"), "t.yaml"));
        assertEquals(message, e.getMessage(), what);
    }
}
