package dev.mantis.robot.urdf;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numeric attributes: one or more finite decimal numbers separated by whitespace of any
 * kind. NaN, Infinity, hexadecimal and Java type suffixes are refused; errors name the element,
 * the attribute and its text.
 */
final class UrdfNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final UrdfSource source;

    UrdfNumbers(UrdfSource source) {
        this.source = source;
    }

    /** The attribute as one number, or {@code fallback} when it is absent. */
    double scalar(XmlElement e, String attribute, String where, double fallback) {
        Optional<String> text = e.attribute(attribute);
        return text.isEmpty() ? fallback : parse(e, attribute, where, text.get(), 1)[0];
    }

    /** The attribute as one number, if present. */
    Optional<Double> optionalScalar(XmlElement e, String attribute, String where) {
        return e.attribute(attribute).map(t -> parse(e, attribute, where, t, 1)[0]);
    }

    /** The attribute as one number; absent, an error that ends with {@code fixIfMissing}. */
    double requiredScalar(XmlElement e, String attribute, String where, String fixIfMissing) {
        return parse(e, attribute, where, required(e, attribute, where, fixIfMissing), 1)[0];
    }

    /** The attribute as three numbers, or {@code fallback} when it is absent. */
    Vec3 vector(XmlElement e, String attribute, String where, Vec3 fallback) {
        Optional<String> text = e.attribute(attribute);
        return text.isEmpty() ? fallback : toVec3(parse(e, attribute, where, text.get(), 3));
    }

    /**
     * The {@code <origin xyz rpy/>} child of {@code parent} as T_parent_child (identity when
     * absent; each attribute defaults to zero). {@code where} describes {@code parent}.
     */
    Transform origin(XmlElement parent, String where) {
        Optional<XmlElement> o = parent.child("origin");
        if (o.isEmpty()) {
            return Transform.IDENTITY;
        }
        String at = where + " <origin>";
        return Transform.fromXyzRpy(vector(o.get(), "xyz", at, Vec3.ZERO), vector(o.get(), "rpy", at, Vec3.ZERO));
    }

    /** The attribute as three numbers; absent, an error that ends with {@code fixIfMissing}. */
    Vec3 requiredVector(XmlElement e, String attribute, String where, String fixIfMissing) {
        return toVec3(parse(e, attribute, where, required(e, attribute, where, fixIfMissing), 3));
    }

    /** The attribute as {@code count} numbers; absent, an error that ends with {@code fixIfMissing}. */
    double[] requiredNumbers(XmlElement e, String attribute, String where, int count, String fixIfMissing) {
        return parse(e, attribute, where, required(e, attribute, where, fixIfMissing), count);
    }

    private String required(XmlElement e, String attribute, String where, String fixIfMissing) {
        return e.attribute(attribute).orElseThrow(
                () -> source.error(e, where + ": " + attribute + " is missing; " + fixIfMissing));
    }

    private double[] parse(XmlElement e, String attribute, String where, String text, int count) {
        List<String> tokens = tokens(text);
        String quoted = attribute + " \"" + text + "\"";
        String fix = count == 1 ? "write one finite decimal number"
                : "write " + count + " finite decimal numbers separated by spaces";
        if (tokens.size() != count) {
            throw source.error(e, where + ": " + quoted + " has " + tokens.size() + " number"
                    + (tokens.size() == 1 ? "" : "s") + ", not " + count + "; " + fix);
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            String token = tokens.get(i);
            String subject = count == 1 ? quoted : quoted + ": '" + token + "'";
            if (!DECIMAL.matcher(token).matches()) {
                throw source.error(e, where + ": " + subject + " is not a number; " + fix);
            }
            values[i] = Double.parseDouble(token);
            if (!Double.isFinite(values[i])) {
                throw source.error(e, where + ": " + subject + " is out of range; " + fix);
            }
        }
        return values;
    }

    /** Splits on runs of whitespace of any kind (including no-break spaces). */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i))
                    || Character.isSpaceChar(text.charAt(i));
            if (space && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    private static Vec3 toVec3(double[] v) {
        return new Vec3(v[0], v[1], v[2]);
    }

    /** A number as people write it: no exponent, no trailing zeros ("2", "-0.3", "0.00001"). */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
