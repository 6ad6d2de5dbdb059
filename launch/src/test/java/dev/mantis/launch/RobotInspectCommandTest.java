package dev.mantis.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mantis robot inspect} as a user runs it: output, JSON shape, errors and exit codes. */
class RobotInspectCommandTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void jsonReportsJointsAndLinkPosesOfABundledRobot() throws Exception {
        CliRun r = run("robot", "inspect", "ur5e", "--q", "shoulder_lift_joint=-1.5707963267948966", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("ur5e", json.get("robot").asText());
        assertEquals(6, json.get("dof").asInt());
        assertEquals(7, json.get("joints").size());
        JsonNode elbow = json.get("joints").get(2);
        assertEquals("elbow_joint", elbow.get("name").asText());
        assertEquals("revolute", elbow.get("type").asText());
        assertEquals(-Math.PI, elbow.get("lower").asDouble(), 1e-12);
        assertTrue(elbow.get("mimic").isNull());
        // shoulder lifted by -pi/2: upper arm and forearm point straight up along base z; with the
        // wrists at 0 the offsets d4, d5 and d6 all lie in the horizontal plane
        JsonNode tool = json.get("links").get("tool0");
        assertEquals(9, tool.get("R").size());
        double z = tool.get("xyz").get(2).asDouble();
        assertEquals(0.1625 + 0.425 + 0.3922, z, 1e-9);
    }

    @Test
    void mimicJointsAppearWithTheirLeaderAndFollowIt() throws Exception {
        CliRun r = run("robot", "inspect", "panda", "--q", "panda_finger_joint1=0.02", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(8, json.get("dof").asInt());
        JsonNode mimic = null;
        for (JsonNode j : json.get("joints")) {
            if (j.get("name").asText().equals("panda_finger_joint2")) {
                mimic = j.get("mimic");
            }
        }
        assertEquals("panda_finger_joint1", mimic.get("joint").asText());
        assertEquals(1.0, mimic.get("multiplier").asDouble());
    }

    @Test
    void textReportShowsTreeLimitsAndPoses() {
        CliRun r = run("robot", "inspect", "panda");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("8 degrees of freedom"), r.out());
        assertTrue(r.out().contains("└─ panda_joint1 (revolute)"), r.out());
        assertTrue(r.out().contains("├─ panda_finger_joint1 (prismatic)"), r.out());
        assertTrue(r.out().contains("panda_finger_joint2 (prismatic, mimic)"), r.out());
        assertTrue(r.out().contains("link poses in panda_link0"), r.out());
    }

    @Test
    void badUrdfIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.urdf");
        Files.writeString(file, "<robot name=\"r\">\n  <link name=\"a\">\n</robot>\n");
        CliRun r = run("robot", "inspect", file.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("mantis: " + file + ":"), r.err());
        assertFalse(r.err().contains("at dev.mantis"), "no stack trace without --debug");
        CliRun debug = run("robot", "inspect", file.toString(), "--debug");
        assertEquals(2, debug.code());
        assertTrue(debug.err().contains("at dev.mantis"), "--debug shows the stack trace");
    }

    @Test
    void unknownRobotAndBadJointValuesAreInputErrors() {
        CliRun r = run("robot", "inspect", "no_such_robot");
        assertEquals(2, r.code());
        assertEquals("mantis: no URDF file or bundled robot named 'no_such_robot'; bundled robots: panda, ur5e, "
                + "allegro_right", r.err().strip());
        CliRun q = run("robot", "inspect", "panda", "--q", "panda_joint1=abc");
        assertEquals(2, q.code());
        assertEquals("mantis: --q panda_joint1=abc: not a number; give radians or metres", q.err().strip());
        CliRun mimic = run("robot", "inspect", "panda", "--q", "panda_finger_joint2=0.01");
        assertEquals(2, mimic.code());
        assertEquals("mantis: --q panda_finger_joint2: joint 'panda_finger_joint2' mimics 'panda_finger_joint1'; "
                + "set that joint instead", mimic.err().strip());
        CliRun flag = run("robot", "inspect", "panda", "--frobnicate");
        assertEquals(2, flag.code());
        assertTrue(flag.err().startsWith("mantis: Unknown option: '--frobnicate'"), flag.err());
    }

    @Test
    void versionAndHelpWithExamplesOnEveryVerb() {
        CliRun v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("mantis "), v.out());
        for (String[] verb : new String[][] {{"--help"}, {"robot", "--help"}, {"robot", "inspect", "--help"},
            {"sim", "--help"}, {"sim", "bench", "--help"}, {"tasks", "--help"}, {"tasks", "list", "--help"},
            {"tasks", "show", "--help"}, {"tasks", "generate", "--help"}, {"eval", "--help"}}) {
            CliRun h = run(verb);
            assertEquals(0, h.code(), String.join(" ", verb));
            assertTrue(h.out().contains("Example"), "help of '" + String.join(" ", verb) + "' has an example");
        }
    }
}
