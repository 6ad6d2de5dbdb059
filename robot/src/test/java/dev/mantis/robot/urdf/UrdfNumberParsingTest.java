package dev.mantis.robot.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric attributes: any whitespace between components, only finite decimal numbers, exact counts. */
class UrdfNumberParsingTest {

    private final UrdfLoader loader = new UrdfLoader(new MeshResolver(List.of()));

    /** A one-joint robot whose joint origin has {@code xyz} as written (already XML-escaped). */
    private static String robotWithOriginXyz(String xyz) {
        return "<robot name=\"r\">\n"
                + "<link name=\"a\"/>\n"
                + "<link name=\"b\"/>\n"
                + "<joint name=\"j\" type=\"fixed\">\n"
                + "  <parent link=\"a\"/>\n"
                + "  <child link=\"b\"/>\n"
                + "  <origin xyz=\"" + xyz + "\"/>\n"
                + "</joint>\n"
                + "</robot>\n";
    }

    private Vec3 originXyz(String xyz) {
        RobotModel m = loader.parse(robotWithOriginXyz(xyz), "inline.urdf", null);
        return m.joint("j").orElseThrow().origin().translation();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 -2 3.5", "  1 -2 3.5  ", "1\t-2\t3.5", "1\n-2\r\n3.5", "1&#9;-2&#10;3.5",
        "&#10;&#9; 1 &#13;&#10; -2    3.5&#9;", "1&#160;-2&#160;3.5", "+1 -2.0 35e-1", "1. -2 3.50", "1E0 -2e+0 .35E1"})
    void acceptsAnyWhitespaceAndDecimalForms(String xyz) {
        assertEquals(new Vec3(1, -2, 3.5), originXyz(xyz));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0 NaN|xyz \"0 0 NaN\": 'NaN' is not a number; write 3 finite decimal numbers separated by spaces",
        "Infinity 0 0|xyz \"Infinity 0 0\": 'Infinity' is not a number; write 3 finite decimal numbers separated by spaces",
        "0 -inf 0|xyz \"0 -inf 0\": '-inf' is not a number; write 3 finite decimal numbers separated by spaces",
        "0x1p3 0 0|xyz \"0x1p3 0 0\": '0x1p3' is not a number; write 3 finite decimal numbers separated by spaces",
        "1f 0 0|xyz \"1f 0 0\": '1f' is not a number; write 3 finite decimal numbers separated by spaces",
        "1,5 0 0|xyz \"1,5 0 0\": '1,5' is not a number; write 3 finite decimal numbers separated by spaces",
        "0 1e400 0|xyz \"0 1e400 0\": '1e400' is out of range; write 3 finite decimal numbers separated by spaces",
        "0 0|xyz \"0 0\" has 2 numbers, not 3; write 3 finite decimal numbers separated by spaces",
        "0 0 0 0|xyz \"0 0 0 0\" has 4 numbers, not 3; write 3 finite decimal numbers separated by spaces",
        "' '|xyz \" \" has 0 numbers, not 3; write 3 finite decimal numbers separated by spaces",
        "1;2;3|xyz \"1;2;3\" has 1 number, not 3; write 3 finite decimal numbers separated by spaces"})
    void refusesNonFiniteMalformedAndMiscounted(String xyz, String what) {
        UrdfException e = assertThrows(UrdfException.class,
                () -> loader.parse(robotWithOriginXyz(xyz), "inline.urdf", null));
        assertEquals("inline.urdf:7: joint 'j' <origin>: " + what, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|upper \"abc\" is not a number; write one finite decimal number",
        "''|upper \"\" has 0 numbers, not 1; write one finite decimal number",
        "1 2|upper \"1 2\" has 2 numbers, not 1; write one finite decimal number",
        "-Infinity|upper \"-Infinity\" is not a number; write one finite decimal number"})
    void scalarsNeedExactlyOneNumber(String upper, String what) {
        String xml = "<robot name=\"r\"><link name=\"a\"/><link name=\"b\"/>\n"
                + "<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/>\n"
                + "<limit lower=\"0\" upper=\"" + upper + "\" effort=\"1\" velocity=\"1\"/></joint></robot>";
        UrdfException e = assertThrows(UrdfException.class, () -> loader.parse(xml, "s.urdf", null));
        assertEquals("s.urdf:3: joint 'j' <limit>: " + what, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 1", " 0\t0\t1 "})
    void rpyIsParsedTheSameWay(String rpy) {
        String xml = robotWithOriginXyz("0 0 0").replace("/>\n</joint>", " rpy=\"" + rpy + "\"/>\n</joint>");
        Transform t = loader.parse(xml, "inline.urdf", null).joint("j").orElseThrow().origin();
        assertEquals(Transform.fromXyzRpy(Vec3.ZERO, new Vec3(0, 0, 1)), t);
    }
}
